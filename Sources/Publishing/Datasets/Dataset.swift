import Foundation

/// Every table users see, by its stable name: `report`, `export` and the portal build each one the same way,
/// so `report X --format csv` and the exported `X.csv` are the same bytes.
public enum Dataset: String, CaseIterable, Sendable {
    case productos
    case ejecucion
    case ejecucionPorGrupo = "ejecucion_por_grupo"
    case ejecucionPorRenglon = "ejecucion_por_renglon"
    case ejecucionPorActividad = "ejecucion_por_actividad"
    case compras
    case adjudicaciones
    case proveedores
    case comprasPorModalidad = "compras_por_modalidad"
    case comprasPorEstado = "compras_por_estado"
    case verificaciones
    case importaciones
    case diagnosticos
    case vinculos
    case comprasSinVincular = "compras_sin_vincular"
    case conciliacionPorProducto = "conciliacion_por_producto"
    case conciliacionPorGrupo = "conciliacion_por_grupo"
    case conciliacionPorRenglon = "conciliacion_por_renglon"
    case conciliacionPorMes = "conciliacion_por_mes"
    case seguimiento
    case banderas

    /// What the table holds, in Spanish.
    public var summary: String {
        switch self {
        case .productos: "Productos y subproductos por dirección: meta física, presupuesto vigente y porcentaje"
        case .ejecucion:
            "Ejecución presupuestaria por línea: asignado, modificaciones (adiciones, disminuciones, traspasos), "
                + "vigente, comprometido, devengado y pagado"
        case .ejecucionPorGrupo: "Ejecución presupuestaria por grupo de gasto"
        case .ejecucionPorRenglon: "Ejecución presupuestaria por renglón"
        case .ejecucionPorActividad: "Ejecución presupuestaria por programa y actividad, con su producto"
        case .compras: "Compras (NOG): un proceso por fila, con su contrato, plazo y renglones"
        case .adjudicaciones: "Adjudicaciones de las compras: una por proveedor adjudicado"
        case .proveedores: "Proveedores (empresas) adjudicados: procesos y montos"
        case .comprasPorModalidad: "Totales de compras por modalidad"
        case .comprasPorEstado: "Totales de compras por estado del concurso"
        case .verificaciones: "Resultado de las verificaciones de integridad"
        case .importaciones: "Archivos importados: procedencia, SHA-256 y filas"
        case .diagnosticos: "Filas rechazadas, advertencias y valores reparados de una importación"
        case .vinculos: "Compras vinculadas a productos: método, participación, monto y procedencia"
        case .comprasSinVincular: "Compras que ningún vínculo cubre, con el motivo"
        case .conciliacionPorProducto: "Ejecución y compras vinculadas por producto"
        case .conciliacionPorGrupo: "Ejecución y compras vinculadas por grupo de gasto"
        case .conciliacionPorRenglon: "Ejecución y compras vinculadas por renglón"
        case .conciliacionPorMes: "Devengado y compras vinculadas por mes"
        case .seguimiento: "Un NOG de punta a punta: proceso, adjudicaciones, presupuesto, productos y verificaciones"
        case .banderas:
            "Banderas rojas de la última corrida guardada del ejercicio: motivos para mirar, nunca hallazgos, con las "
                + "explicaciones legítimas que hay que descartar"
        }
    }

    /// The tables `export` writes when none are named, in the order they are written.
    public static let published: [Dataset] = [
        .compras, .adjudicaciones, .proveedores, .ejecucion, .ejecucionPorGrupo, .ejecucionPorRenglon,
        .ejecucionPorActividad, .productos, .vinculos, .comprasSinVincular, .conciliacionPorProducto,
        .conciliacionPorGrupo, .conciliacionPorRenglon, .conciliacionPorMes, .verificaciones, .banderas,
    ]
}
