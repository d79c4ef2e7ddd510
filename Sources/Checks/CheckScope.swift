import Foundation

/// What a check run covers: a fiscal year and, optionally, one entidad / unidad ejecutora.
public struct CheckScope: Sendable, Hashable {
    /// The fiscal year, or nil for every year in the ledger.
    public var ejercicio: Int?
    public var entidad: String?
    public var unidadEjecutora: String?

    public init(ejercicio: Int? = nil, entidad: String? = nil, unidadEjecutora: String? = nil) {
        self.ejercicio = ejercicio
        self.entidad = entidad
        self.unidadEjecutora = unidadEjecutora
    }
}
