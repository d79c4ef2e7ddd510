import Foundation

/// Settings every indicator shares (`[general]` in the settings file).
public struct GeneralSettings: Hashable, Sendable {
    /// Which date places a purchase in a year and a window: the award date (else publication) or the publication.
    public enum BaseDate: String, Hashable, Sendable, CaseIterable {
        case adjudicacion, publicacion
    }

    public var baseDate: BaseDate = .adjudicacion
    /// Guatecompras statuses that take a process out of every indicator (compared without accents or case).
    public var invalidStatuses: [String] = [
        "Anulado", "Desierto", "Prescindido", "Improbado", "Terminado Cancelado", "No adjudicado", "Cancelado",
    ]
    /// The modality assumed for NPG purchases known only from execution evidence (which does not say it).
    public var npgModality: String = "npg_baja_cuantia"

    /// The defaults.
    public init() {}
}
