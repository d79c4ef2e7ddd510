/// The columns of a current budget line as ``Ledger/forEachCurrentBudgetLineRow(ejercicio:entidad:unidadEjecutora:_:)``
/// reads them, in the query's order.
public enum BudgetLineColumn: Int32, Sendable {
    case ejercicio, entidad, unidadEjecutora, programa, subprograma, proyecto, actividad, obra, renglon, fuente
    case organismo, correlativo, ubicacionGeografica, tipoPresupuesto, finalidad, funcion, division, departamento
    case subgrupo, region, nombres, sourceLine, asignado, modificado, vigente, precomprometido, comprometido
    case devengado, pagado, adiciones, disminuciones, traspasosPositivos, traspasosNegativos
    case transferenciasPositivas, transferenciasNegativas, mes, fechaCorte
}
