/// The columns of a current budget line as ``Ledger/forEachCurrentBudgetLineRow(ejercicio:entidad:unidadEjecutora:_:)``
/// reads them, in the query's order.
public enum BudgetLineColumn: Int32, CaseIterable, Sendable {
    case ejercicio, entidad, unidadEjecutora, programa, subprograma, proyecto, actividad, obra, renglon, fuente
    case organismo, correlativo, ubicacionGeografica, tipoPresupuesto, finalidad, funcion, division, departamento
    case subgrupo, region, nombres, sourceLine, asignado, modificado, vigente, precomprometido, comprometido
    case devengado, pagado, adiciones, disminuciones, traspasosPositivos, traspasosNegativos
    case transferenciasPositivas, transferenciasNegativas, mes, fechaCorte

    /// The column as the query selects it: `budget_line` (`bl`), `budget_snapshot_line` (`bsl`) or
    /// `budget_snapshot` (`bs`).
    var expression: String {
        switch self {
        case .ejercicio: "bl.ejercicio"
        case .entidad: "bl.entidad"
        case .unidadEjecutora: "bl.unidad_ejecutora"
        case .programa: "bl.programa"
        case .subprograma: "bl.subprograma"
        case .proyecto: "bl.proyecto"
        case .actividad: "bl.actividad"
        case .obra: "bl.obra"
        case .renglon: "bl.renglon"
        case .fuente: "bl.fuente"
        case .organismo: "bl.organismo"
        case .correlativo: "bl.correlativo"
        case .ubicacionGeografica: "bl.ubicacion_geografica"
        case .tipoPresupuesto: "bl.tipo_presupuesto"
        case .finalidad: "bl.finalidad"
        case .funcion: "bl.funcion"
        case .division: "bl.division"
        case .departamento: "bl.departamento"
        case .subgrupo: "bl.subgrupo"
        case .region: "bl.region"
        case .nombres: "bl.nombres"
        case .sourceLine: "bsl.source_line"
        case .asignado: "bsl.asignado"
        case .modificado: "bsl.modificado"
        case .vigente: "bsl.vigente"
        case .precomprometido: "bsl.precomprometido"
        case .comprometido: "bsl.comprometido"
        case .devengado: "bsl.devengado"
        case .pagado: "bsl.pagado"
        case .adiciones: "bsl.adiciones"
        case .disminuciones: "bsl.disminuciones"
        case .traspasosPositivos: "bsl.traspasos_positivos"
        case .traspasosNegativos: "bsl.traspasos_negativos"
        case .transferenciasPositivas: "bsl.transferencias_positivas"
        case .transferenciasNegativas: "bsl.transferencias_negativas"
        case .mes: "bs.mes"
        case .fechaCorte: "bs.fecha_corte"
        }
    }
}
