import Domain
import Foundation
import Testing

@testable import Ledger

struct ProcurementFingerprintTests {
    @Test("every stored property is fed to the fingerprint (update ProcurementFingerprint when this fails)")
    func propertyCounts() {
        let supplier = Supplier(partyID: "GT-NIT-1", name: "x")
        #expect(Mirror(reflecting: Procurement(nog: "1", title: "x")).children.count == 23)
        #expect(Mirror(reflecting: ProcurementItem(description: "x")).children.count == 6)
        #expect(Mirror(reflecting: Party(id: "x", name: "x")).children.count == 6)
        #expect(Mirror(reflecting: ProcurementBid(tenderer: supplier, amount: nil)).children.count == 5)
        #expect(Mirror(reflecting: Award(supplier: supplier, amount: nil)).children.count == 6)
        #expect(Mirror(reflecting: Contract()).children.count == 10)
        #expect(Mirror(reflecting: supplier).children.count == 3)
    }

    @Test("any change, even nil to empty text or one centavo, changes the fingerprint")
    func sensitive() {
        let base = sampleProcurement(status: "Adjudicado", amount: Money(centavos: 100))
        var variants: [Procurement] = []
        var v = base
        v.description = ""
        variants.append(v)
        v = base
        v.awards[0].amount = Money(centavos: 101)
        variants.append(v)
        v = base
        v.awards[0].amount = nil
        variants.append(v)
        v = base
        v.items[0].quantity = Decimal(string: "10.6")
        variants.append(v)
        v = base
        v.parties[0].roles = ["buyer", "supplier"]
        variants.append(v)
        v = base
        v.releaseIDs.append("x")
        variants.append(v)
        v = base
        v.title = "ADQUISICIÓN DE ALIMENTOS "
        variants.append(v)
        let fingerprints = Set(([base] + variants).map(ProcurementFingerprint.of))
        #expect(fingerprints.count == variants.count + 1)
        #expect(ProcurementFingerprint.of(base) == ProcurementFingerprint.of(base))
    }
}
