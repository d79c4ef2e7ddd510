import Domain
import Foundation

/// What a check run covers: a fiscal year and, optionally, one entidad / unidad ejecutora and the institution's
/// Guatecompras buying units.
public struct CheckScope: Sendable, Hashable {
    /// The fiscal year, or nil for every year in the ledger.
    public var ejercicio: Int?
    public var entidad: String?
    public var unidadEjecutora: String?
    /// The purchases the procurement and link checks look at (the institution's buying units in the year); nil
    /// for every purchase of the year. Without it a national ledger makes every check read the whole country.
    public var procurements: ProcurementScope?

    public init(
        ejercicio: Int? = nil, entidad: String? = nil, unidadEjecutora: String? = nil,
        procurements: ProcurementScope? = nil
    ) {
        self.ejercicio = ejercicio
        self.entidad = entidad
        self.unidadEjecutora = unidadEjecutora
        self.procurements = procurements
    }

    /// The purchases of the year to examine: the institution's when the scope names them, else every one of
    /// the year (nil year: every purchase).
    var procurementScope: ProcurementScope? {
        guard let ejercicio else { return nil }
        guard var scope = procurements else { return ProcurementScope(year: ejercicio) }
        scope.year = ejercicio
        return scope
    }
}
