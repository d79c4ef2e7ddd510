import Foundation

/// Why a purchase stays unlinked: the tool links only unique matches and says why it did not link the rest.
public enum UnlinkedReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// No evidence names the NOG and no rule matched it.
    case noEvidence = "sin_evidencia"
    /// Evidence names budget codes that fit more than one product (programa without actividad, say).
    case ambiguous = "evidencia_ambigua"
    /// Evidence names a programa/actividad that belongs to no product of the year's metas.
    case unknownProduct = "producto_desconocido"
    /// Evidence names the NOG, but its amounts add up to zero or less: nothing to split by.
    case evidenceWithoutAmount = "evidencia_sin_monto"

    /// Spanish label for reports.
    public var label: String {
        switch self {
        case .noEvidence: "sin evidencia y ninguna regla coincide"
        case .ambiguous: "la evidencia corresponde a más de un producto"
        case .unknownProduct: "la evidencia no corresponde a ningún producto de las metas"
        case .evidenceWithoutAmount: "la evidencia suma cero"
        }
    }
}
