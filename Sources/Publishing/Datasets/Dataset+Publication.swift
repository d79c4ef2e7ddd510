import Foundation

extension Dataset {
    /// The numerals of LAIP Art. 10 (Decreto 57-2008) whose información pública de oficio the table serves:
    /// 5 plan operativo anual y resultados, 7 presupuesto asignado, modificaciones y transferencias, 8 informes
    /// mensuales de ejecución presupuestaria, 20 contrataciones por cotización y licitación, 22 compras
    /// directas. Empty for tables that describe the data rather than publish it.
    public var laipNumerals: [Int] {
        switch self {
        case .productos: [5]
        case .ejecucion: [7, 8]
        case .ejecucionPorGrupo, .ejecucionPorRenglon: [8]
        case .ejecucionPorActividad: [5, 8]
        case .compras, .adjudicaciones, .proveedores, .comprasPorModalidad, .comprasPorEstado: [20, 22]
        case .vinculos, .comprasSinVincular, .banderas: [20, 22]
        case .conciliacionPorProducto, .conciliacionPorGrupo, .conciliacionPorRenglon, .conciliacionPorMes: [5, 8]
        case .verificaciones, .importaciones, .diagnosticos, .seguimiento: []
        }
    }

    /// The columns whose values identify a row (never empty in the data): the descriptor's `primaryKey` and the
    /// key the changelog matches rows by. Empty when rows have no identity of their own.
    public var primaryKey: [String] {
        switch self {
        case .productos: ["ejercicio", "codigo"]
        case .ejecucion: ["clave_linea"]
        case .ejecucionPorGrupo: ["grupo"]
        case .ejecucionPorRenglon: ["renglon"]
        case .ejecucionPorActividad: ["estructura"]
        case .compras: ["nog"]
        case .adjudicaciones: ["nog", "adjudicacion"]
        case .proveedores: ["proveedor_id"]
        case .comprasPorModalidad: ["modalidad"]
        case .comprasPorEstado: ["estado"]
        case .verificaciones: ["verificacion", "hallazgo"]
        case .importaciones: ["corrida"]
        case .comprasSinVincular: ["nog"]
        // An indicator may raise two flags on one subject (TR11 long decision and staggered awards; TR02 same-day
        // and window episodes starting the same day): the whole row is the identity.
        case .banderas: []
        // A NOG may serve one product through several renglones or suppliers, and reconciliation rows of the
        // lines that are never hidden have no key: the whole row is their identity.
        case .vinculos, .conciliacionPorProducto, .conciliacionPorGrupo, .conciliacionPorRenglon, .conciliacionPorMes,
            .diagnosticos, .seguimiento:
            []
        }
    }

    /// References to other published tables (kept in a descriptor only when the referenced table is in it).
    public var foreignKeys: [DatasetForeignKey] {
        switch self {
        case .adjudicaciones: [DatasetForeignKey(fields: ["nog"], dataset: .compras, referencedFields: ["nog"])]
        case .vinculos, .comprasSinVincular:
            [DatasetForeignKey(fields: ["nog"], dataset: .compras, referencedFields: ["nog"])]
        default: []
        }
    }
}
