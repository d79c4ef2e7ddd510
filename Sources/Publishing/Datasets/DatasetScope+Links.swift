import Domain
import Foundation
import Ledger

extension DatasetScope {
    /// The purchases linking and reconciliation cover for a year: the scope's buying unit, else the profile's
    /// Guatecompras entity and units (the same ones `report compras` lists).
    public func procurementScope(year: Int) -> ProcurementScope {
        ProcurementScope(
            year: year, guatecomprasEntity: buyingUnit == nil ? profile.guatecomprasEntidad : nil,
            guatecomprasUnits: buyingUnit == nil ? profile.guatecomprasUnidades : [], buyingUnit: buyingUnit)
    }

    /// The year links are reported for: the scope's, the profile's, or the newest with links or products.
    func linkYear(_ ledger: Ledger) throws -> Int? {
        try resolvedYear(available: ledger.linkYears().isEmpty ? ledger.metasYears() : ledger.linkYears())
    }
}
