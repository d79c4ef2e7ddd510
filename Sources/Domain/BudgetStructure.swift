import Foundation

/// The budget structure a product is executed under, as SICOIN codes it. Every code is text.
///
/// Spending (budget lines) and purchases are tied to products through this structure.
public struct BudgetStructure: Hashable, Sendable, Codable {
    public var entidad: String
    public var unidadEjecutora: String
    public var programa: String
    public var subprograma: String
    public var proyecto: String
    public var actividad: String
    public var obra: String

    public init(
        entidad: String, unidadEjecutora: String, programa: String, subprograma: String = "00",
        proyecto: String = "000", actividad: String, obra: String = "000"
    ) {
        self.entidad = entidad
        self.unidadEjecutora = unidadEjecutora
        self.programa = programa
        self.subprograma = subprograma
        self.proyecto = proyecto
        self.actividad = actividad
        self.obra = obra
    }

    /// `11130016-208 · 11-00-000-001-000`: how finance staff read a structure.
    public var label: String {
        "\(entidad)-\(unidadEjecutora) · \(programa)-\(subprograma)-\(proyecto)-\(actividad)-\(obra)"
    }
}
