import Domain
import Foundation
import Testing

@testable import Ledger

/// `ProcurementFingerprint` (Ledger) and `Procurement.changedFields(from:)` (Domain) each list Procurement's
/// fields by hand, for speed and for readable history rows. This test fails when a field is added or renamed,
/// so both lists are updated with it.
struct ProcurementFieldsTripwireTests {
    @Test("Procurement's stored fields are the ones the fingerprint and the change list know")
    func fields() {
        let labels = Mirror(reflecting: Procurement(nog: "1", title: "t")).children.compactMap(\.label)
        #expect(
            labels == [
                "nog", "ocid", "title", "description", "buyerEntityCode", "buyerEntityName", "buyingUnitCode",
                "buyingUnitName", "modalityCode", "modalityText", "status", "ocdsStatus", "category", "publishedAt",
                "tenderEndAt", "awardedAt", "lastUpdatedAt", "items", "parties", "bids", "awards", "contracts",
                "releaseIDs",
            ], "update ProcurementFingerprint.of(_:) and Procurement.changedFields(from:) with the new field")
    }

    /// One change to every field but the NOG.
    private static func changedEverywhere(_ base: Procurement) -> Procurement {
        var other = base
        other.ocid = "o"
        other.title = "u"
        other.description = "d"
        other.buyerEntityCode = "e"
        other.buyerEntityName = "n"
        other.buyingUnitCode = "u"
        other.buyingUnitName = "n"
        other.modalityCode = "m"
        other.modalityText = "m"
        other.status = "s"
        other.ocdsStatus = "s"
        other.category = "c"
        other.publishedAt = Date(timeIntervalSince1970: 1)
        other.tenderEndAt = Date(timeIntervalSince1970: 2)
        other.awardedAt = Date(timeIntervalSince1970: 3)
        other.lastUpdatedAt = Date(timeIntervalSince1970: 4)
        other.items = [ProcurementItem(id: "1", description: "x")]
        other.bids = [ProcurementBid(tenderer: Supplier(scheme: .nit, identifier: "2", name: "B"), amount: nil)]
        other.contracts = [Contract(id: "c")]
        other.parties = [Party(id: "GT-NIT-1", name: "A", roles: ["supplier"])]
        other.awards = [Award(supplier: Supplier(scheme: .nit, identifier: "1", name: "A"), amount: nil)]
        other.releaseIDs = ["r"]
        return other
    }

    @Test("a change to any field but the NOG is named by changedFields")
    func changedFieldsCoverEveryField() {
        let base = Procurement(nog: "1", title: "t")
        let other = Self.changedEverywhere(base)
        let changed = Set(other.changedFields(from: base))
        let expected = Set(Mirror(reflecting: base).children.compactMap(\.label)).subtracting(["nog"])
        #expect(changed == expected)
    }

    @Test("a change to any single field changes the fingerprint, so a re-import never misses an update")
    func fingerprintCoversEveryField() {
        let base = Procurement(nog: "1", title: "t")
        let everywhere = Self.changedEverywhere(base)
        let labels = Mirror(reflecting: base).children.compactMap(\.label)
        for index in labels.indices where labels[index] != "nog" {
            let single = Self.copy(field: index, from: everywhere, into: base)
            #expect(ProcurementFingerprint.of(single) != ProcurementFingerprint.of(base), "\(labels[index])")
        }
    }

    /// `into` with the field at `index` (in declaration order) taken from `from`.
    private static func copy(field index: Int, from source: Procurement, into target: Procurement) -> Procurement {
        var result = target
        switch index {
        case 1: result.ocid = source.ocid
        case 2: result.title = source.title
        case 3: result.description = source.description
        case 4: result.buyerEntityCode = source.buyerEntityCode
        case 5: result.buyerEntityName = source.buyerEntityName
        case 6: result.buyingUnitCode = source.buyingUnitCode
        case 7: result.buyingUnitName = source.buyingUnitName
        case 8: result.modalityCode = source.modalityCode
        case 9: result.modalityText = source.modalityText
        case 10: result.status = source.status
        case 11: result.ocdsStatus = source.ocdsStatus
        case 12: result.category = source.category
        case 13: result.publishedAt = source.publishedAt
        case 14: result.tenderEndAt = source.tenderEndAt
        case 15: result.awardedAt = source.awardedAt
        case 16: result.lastUpdatedAt = source.lastUpdatedAt
        case 17: result.items = source.items
        case 18: result.parties = source.parties
        case 19: result.bids = source.bids
        case 20: result.awards = source.awards
        case 21: result.contracts = source.contracts
        case 22: result.releaseIDs = source.releaseIDs
        default: break
        }
        return result
    }
}
