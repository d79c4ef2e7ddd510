import Domain
import Foundation

/// A purchase with what every indicator derives from it computed once: its date in the year, modality, unit,
/// amount and suppliers, and whether it counts at all.
///
/// A class, not a struct: indicators read facts out of a 300,000-element array many times, and copying a struct
/// that holds a whole ``FlagPurchase`` retains and releases each of its strings and arrays every time.
final class PurchaseFacts: Sendable {
    let purchase: FlagPurchase
    /// The date that places it in the year and in windows (``GeneralSettings/baseDate``).
    let date: Date
    /// ``date`` as a day count, for window arithmetic.
    let day: Int
    /// ``date`` as `2022-06-03`, for dated rules and evidence.
    let dayText: String
    let month: Int
    /// Modality catalog code; for NPG purchases without one, ``GeneralSettings/npgModality``.
    let modalityCode: String?
    /// True when the modality was assumed (NPG from execution evidence), not stated by the source.
    let modalityAssumed: Bool
    let unitKey: String
    let unitLabel: String
    let entityKey: String
    /// ``unitKey`` and ``entityKey`` as small integers, for grouping.
    let unitIndex: Int
    let entityIndex: Int
    /// monto(P): the sum of active awards with an amount (for NPG, of the devengado); nil when none has one.
    let amount: Money?
    /// Active awards by supplier (suppliers without an id are left out).
    let suppliers: [SupplierShare]
    /// In the valid set: not annulled, deserted, withdrawn…, and with an amount above zero.
    let isValid: Bool
    /// Cancelled as Cardinal reads it (OCDS `cancelled`, or a published status «Anulado»): computed once here
    /// because five indicators ask, and normalizing the status text each time cost more than their own work.
    let isCancelled: Bool

    var referenceKind: String { purchase.kind == .nog ? "NOG" : "NPG" }

    init?(
        _ purchase: FlagPurchase, general: GeneralSettings, units: UnitResolver, invalidStatuses: Set<String>,
        normalizedStatus: String, keys: (units: KeyIndex, entities: KeyIndex, suppliers: KeyIndex)
    ) throws {
        var awarded = purchase.awardedAt
        if awarded == nil {
            for award in purchase.awards where award.isActive {
                if let date = award.date, awarded.map({ date < $0 }) ?? true { awarded = date }
            }
        }
        let base: Date?
        switch general.baseDate {
        case .adjudicacion: base = awarded ?? purchase.publishedAt
        case .publicacion: base = purchase.publishedAt ?? awarded
        }
        guard let base else { return nil }
        self.purchase = purchase
        date = base
        day = CivilDay.number(base)
        let civil = ProcurementDate.civil(base)
        month = civil.month
        dayText = CivilDay.text(year: civil.year, month: civil.month, day: civil.day)
        if let code = purchase.modalityCode {
            modalityCode = code
            modalityAssumed = false
        } else if purchase.kind == .npg {
            modalityCode = general.npgModality
            modalityAssumed = true
        } else {
            modalityCode = nil
            modalityAssumed = false
        }
        let unit = units.unit(of: purchase)
        unitKey = unit.key
        unitLabel = unit.label
        entityKey = units.entity(of: purchase)
        unitIndex = keys.units.index(unitKey)
        entityIndex = keys.entities.index(entityKey)
        // Awards by supplier, in order; a purchase has a handful of awards, so a linear search beats a dictionary.
        var suppliers: [SupplierShare] = []
        var total: Money?
        for award in purchase.awards where award.isActive {
            if let amount = award.amount { total = try (total ?? .zero) + amount }
            guard !award.supplierID.isEmpty else { continue }
            if let index = suppliers.firstIndex(where: { $0.id == award.supplierID }) {
                let known = suppliers[index]
                let sum: Money? =
                    known.amount == nil && award.amount == nil
                    ? nil : try (known.amount ?? .zero) + (award.amount ?? .zero)
                suppliers[index] = SupplierShare(id: known.id, index: known.index, name: known.name, amount: sum)
            } else {
                suppliers.append(
                    SupplierShare(
                        id: award.supplierID, index: keys.suppliers.index(award.supplierID), name: award.supplierName,
                        amount: award.amount))
            }
        }
        self.suppliers = suppliers
        amount = total
        let ocds = purchase.ocdsStatus?.lowercased()
        let statusValid =
            !invalidStatuses.contains(normalizedStatus) && ocds != "cancelled" && ocds != "withdrawn"
            && (purchase.status != nil || ocds != "unsuccessful")
        isValid = statusValid && (amount.map { $0 > .zero } ?? false)
        isCancelled = ocds == "cancelled" || normalizedStatus == "anulado"
    }

    /// The supplier when exactly one holds the purchase's active awards.
    var soleSupplier: SupplierShare? { suppliers.count == 1 ? suppliers[0] : nil }
}
