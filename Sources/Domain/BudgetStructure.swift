import Foundation

/// The budget structure a product is executed under, as SICOIN codes it. Every code is text.
///
/// Spending (budget lines) and purchases are tied to products through this structure. Municipal entities
/// (SICOIN GL, `12100401`…) have no unidad ejecutora: it is then absent (nil), never an empty code.
public struct BudgetStructure: Hashable, Sendable, Codable {
    public var entidad: String
    /// The unidad ejecutora, or nil when the entity has none (municipalities) or the file does not say.
    public var unidadEjecutora: String?
    public var programa: String
    public var subprograma: String
    public var proyecto: String
    public var actividad: String
    public var obra: String

    /// A structure; an empty unidad ejecutora is taken as absent.
    public init(
        entidad: String, unidadEjecutora: String?, programa: String, subprograma: String = "00",
        proyecto: String = "000", actividad: String, obra: String = "000"
    ) {
        self.entidad = entidad
        self.unidadEjecutora = unidadEjecutora.flatMap { $0.isEmpty ? nil : $0 }
        self.programa = programa
        self.subprograma = subprograma
        self.proyecto = proyecto
        self.actividad = actividad
        self.obra = obra
    }

    /// `11130016-208 · 11-00-000-001-000`, or `12100401 · 01-00-000-001-000` without unidad ejecutora: how
    /// finance staff read a structure.
    public var label: String {
        let institution = unidadEjecutora.map { "\(entidad)-\($0)" } ?? entidad
        return "\(institution) · \(programa)-\(subprograma)-\(proyecto)-\(actividad)-\(obra)"
    }
}
