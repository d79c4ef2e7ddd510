import Foundation
import Testing

@testable import Domain

struct SupplierTests {
    @Test(
        "party ids split by known prefix, never on every hyphen",
        arguments: [
            ("GT-NIT-7894880", PartyScheme.nit, "7894880"), ("GT-GCUC-342-2", .gcuc, "342-2"),
            ("GT-GCID-CO-0D13D3EE908F02969DED73509B7566AB", .gcid, "CO-0D13D3EE908F02969DED73509B7566AB"),
            ("GT-CISP-11130016", .cisp, "11130016"),
        ])
    func split(id: String, scheme: PartyScheme, identifier: String) throws {
        let parts = try #require(PartyScheme.split(id))
        #expect(parts.scheme == scheme && parts.identifier == identifier)
    }

    @Test("person names in comma slots read naturally; a NIT ending in K stays text")
    func names() {
        #expect(
            Supplier(partyID: "GT-NIT-41714685K", name: "DE LEON,MALDONADO,,CESAR,AUGUSTO").displayName
                == "CESAR AUGUSTO DE LEON MALDONADO")
        #expect(Supplier(partyID: "GT-NIT-41714685K", name: "x").nit == "41714685K")
        #expect(Supplier(partyID: "GT-GCID-CO-1", name: "x").nit == nil)
        #expect(Supplier(partyID: "ABC", name: "  UNO   DOS ").displayName == "UNO DOS")
    }

    @Test("the awarded total sums active awards with a known amount")
    func awardedTotal() throws {
        var procurement = Procurement(nog: "1", title: "x")
        let supplier = Supplier(partyID: "GT-NIT-1", name: "x")
        #expect(try procurement.awardedTotal == nil)
        procurement.awards = [
            Award(supplier: supplier, amount: Money(centavos: 150), status: "active"),
            Award(supplier: supplier, amount: Money(centavos: 1000), status: "cancelled"),
            Award(supplier: supplier, amount: nil, status: "active"),
        ]
        #expect(try procurement.awardedTotal == Money(centavos: 150))
    }
}
