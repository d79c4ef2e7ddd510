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

    @Test(
        "a name taken as it is would not have changed: no comma slots, nothing to trim or collapse",
        arguments: [
            "DISTRIBUIDORA LA ÑAPA, S.A.", "FERRETERIA  EL MARTILLO", " ALFA S.A.", "ALFA S.A. ", "ALFA\tS.A.",
            "ALFA\u{00A0}S.A.", "ALFA\u{2003}S.A.", "ALFA \u{0301}S.A.", "ALFA\nS.A.", "", " ", "A,B,C,D,E",
            "A,B,,D,E ", "UNO, DOS,TRES",
            "PEREZ,LOPEZ,,ANA,MARIA",
            "COMERCIAL GUATEMALTECA, SOCIEDAD ANONIMA", "SERVICIOS TÉCNICOS SOCIEDAD ANÓNIMA", "ÁÉÍÓÚ ÑÜ",
            "TECNOLOGÍA\u{0301} S.A.", "EMPRESA\u{3000}UNO", "A\u{0085}B", "A B", "Ñ",
        ])
    func displayedAsIs(name: String) {
        let collapsed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let slots = name.split(separator: ",", omittingEmptySubsequences: false)
        if Supplier.isAlreadyDisplayed(name) {
            #expect(slots.count != 5 && collapsed == name)
        }
        let supplier = Supplier(partyID: "GT-NIT-1", name: name)
        #expect(supplier.displayName == (slots.count == 5 ? supplier.displayName : collapsed))
        #expect(supplier.isNaturalPerson == (slots.count == 5))
    }

    @Test("names that need no change are recognized without the long way")
    func commonNamesAsIs() {
        for name in [
            "DISTRIBUIDORA EL SOL S.A.", "SERVICIOS TÉCNICOS SOCIEDAD ANÓNIMA", "ÑANDÚ", "A-1 (GT) & CIA.",
            "EMPRESA PAPELERIA 14448, SOCIEDAD ANONIMA", "A,B,C,D", "A,B,C,D,E,F",
        ] {
            #expect(Supplier.isAlreadyDisplayed(name), "\(name)")
        }
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
