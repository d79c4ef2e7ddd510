import Domain
import Foundation
import Ledger

extension DatasetScope {
    /// The purchases linking and reconciliation cover for a year: the scope's buying unit, else the profile's
    /// Guatecompras entity and units or buyer names (what `report compras` lists, less purchases that carry
    /// no codes when the profile gives no names).
    public func procurementScope(year: Int) -> ProcurementScope {
        ProcurementScope(
            year: year, guatecomprasEntity: buyingUnit == nil ? profile.guatecomprasEntidad : nil,
            guatecomprasUnits: buyingUnit == nil ? profile.guatecomprasUnidades : [], buyingUnit: buyingUnit,
            buyerNames: buyingUnit == nil ? profile.guatecomprasNombres : [])
    }

    /// The year links are reported for: the scope's, the profile's, or the newest with links or products.
    func linkYear(_ ledger: Ledger) throws -> Int? {
        try resolvedYear(available: ledger.linkYears().isEmpty ? ledger.metasYears() : ledger.linkYears())
    }
}
