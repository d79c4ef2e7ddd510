import Domain
import Foundation
import Ledger

extension DatasetScope {
    /// The processes the procurement listings (`compras`, `adjudicaciones`, `proveedores`, `ocds`) cover: the
    /// scope's buying unit, else the profile's Guatecompras entity, units and buyer names, in the year's period.
    func procurementSelection(year: Int?, modalityCode: String? = nil) -> ProcurementSelection {
        let ownUnits = buyingUnit == nil
        return ProcurementSelection(
            year: year, months: year.flatMap { period(year: $0)?.months }, unit: buyingUnit,
            guatecomprasEntity: ownUnits && !profile.guatecomprasEntidad.isEmpty ? profile.guatecomprasEntidad : nil,
            guatecomprasUnits: profile.guatecomprasUnidades,
            buyerNames: ownUnits ? profile.guatecomprasNombres : [], modalityCode: modalityCode)
    }
}
