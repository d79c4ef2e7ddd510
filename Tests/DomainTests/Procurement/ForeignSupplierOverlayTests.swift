import Domain
import Foundation
import Testing

/// A flat export names a foreign supplier by its country (`COLOMBIA`) where OCDS has `GT-GCID-CO-…`: laying one
/// over the other must keep one award per supplier and the NOG's total.
struct ForeignSupplierOverlayTests {
    private static let gcid = Supplier(
        partyID: "GT-GCID-CO-0D13D3EE908F02969DED73509B7566AB", name: "EQUIPOS MEDICOS ANDINOS S.A.S.")
    private static let ortopedia = Supplier(
        partyID: "GT-NIT-595055664", name: "ORTOPEDIA INTEGRAL DE GUATEMALA, SOCIEDAD ANONIMA")

    /// NOG 17355959 of the sample as OCDS states it: a Guatemalan and a Colombian supplier.
    private func ocds() -> Procurement {
        Procurement(
            nog: "17355959", title: "ADQUISICIÓN DE AYUDAS ORTOPÉDICAS",
            awards: [
                Award(
                    id: "GT-ADJ-17355959-595055664", supplier: Self.ortopedia, amount: Money(centavos: 21_478_000),
                    status: "active", statusDetails: "Habilitado"),
                Award(
                    id: "GT-ADJ-17355959-CO-0D13D3EE908F02969DED73509B7566AB", supplier: Self.gcid,
                    amount: Money(centavos: 19_400_904), status: "active", statusDetails: "Habilitado"),
            ])
    }

    /// The same NOG as the flat export's two rows state it; the foreign supplier's «NIT» cell holds a country.
    private func flat(foreign: Supplier, amount: Int64 = 19_400_904) -> Procurement {
        Procurement(
            nog: "17355959", title: "ADQUISICIÓN DE AYUDAS ORTOPÉDICAS",
            awards: [
                Award(
                    supplier: Supplier(scheme: .nit, identifier: "595055664", name: Self.ortopedia.name),
                    amount: Money(centavos: 21_478_000)),
                Award(supplier: foreign, amount: Money(centavos: amount)),
            ])
    }

    @Test(
        "the country row and the GCID award with the same name and amount are one award, which keeps the GCID",
        arguments: [
            // What the compras importer makes of `COLOMBIA` now, and what older ledgers hold.
            Supplier(scheme: nil, identifier: "", name: "EQUIPOS MEDICOS ANDINOS S.A.S."),
            Supplier(scheme: nil, identifier: "COLOMBIA", name: "EQUIPOS MEDICOS ANDINOS S.A.S."),
            Supplier(scheme: nil, identifier: "Colombia", name: "Equipos Médicos Andinos, SAS"),
        ])
    func countryRow(foreign: Supplier) throws {
        let merged = ocds().overlaid(by: flat(foreign: foreign))
        #expect(merged.awards.count == 2)
        #expect(try merged.awardedTotal == Money(centavos: 40_878_904))
        let award = try #require(merged.awards.last)
        #expect(award.supplier.partyID == "GT-GCID-CO-0D13D3EE908F02969DED73509B7566AB")
        #expect(award.id == "GT-ADJ-17355959-CO-0D13D3EE908F02969DED73509B7566AB")
        #expect(award.status == "active" && award.statusDetails == "Habilitado")
    }

    @Test("overlaying the same flat rows again adds nothing")
    func idempotent() {
        let foreign = Supplier(scheme: nil, identifier: "", name: "EQUIPOS MEDICOS ANDINOS S.A.S.")
        let once = ocds().overlaid(by: flat(foreign: foreign))
        #expect(once.overlaid(by: flat(foreign: foreign)) == once)
    }

    @Test("a flat-only NOG overlaid by its own rows again keeps one award per supplier without an id")
    func flatOverFlat() {
        let foreign = Supplier(scheme: nil, identifier: "", name: "EQUIPOS MEDICOS ANDINOS S.A.S.")
        let stored = flat(foreign: foreign)
        #expect(stored.overlaid(by: stored).awards.count == 2)
    }

    @Test("with no award of the same amount, the only award of that name is the same supplier; its amount is updated")
    func sameNameOtherAmount() {
        let foreign = Supplier(scheme: nil, identifier: "", name: "EQUIPOS MEDICOS ANDINOS S.A.S.")
        let merged = ocds().overlaid(by: flat(foreign: foreign, amount: 20_000_000))
        #expect(merged.awards.count == 2)
        #expect(merged.awards.last?.amount == Money(centavos: 20_000_000))
        #expect(merged.awards.last?.supplier.scheme == .gcid)
    }

    @Test("two stored awards of one name: the one with the same amount is matched")
    func amountDecides() throws {
        var stored = ocds()
        stored.awards.append(
            Award(
                id: "GT-ADJ-17355959-CO-FFFF", supplier: Supplier(partyID: "GT-GCID-CO-FFFF", name: Self.gcid.name),
                amount: Money(centavos: 500), status: "active"))
        let incoming = Procurement(
            nog: "17355959", title: "",
            awards: [
                Award(
                    supplier: Supplier(scheme: nil, identifier: "", name: Self.gcid.name), amount: Money(centavos: 500))
            ])
        let merged = stored.overlaid(by: incoming)
        #expect(merged.awards.count == 3)
        #expect(merged.awards.first?.id == "GT-ADJ-17355959-CO-FFFF")
        #expect(try merged.awardedTotal == stored.awardedTotal)
    }

    @Test("suppliers whose NITs differ are two awards even with the same name and amount")
    func differentNITs() {
        let stored = Procurement(
            nog: "1", title: "x",
            awards: [Award(supplier: Supplier(partyID: "GT-NIT-111", name: "ACME"), amount: Money(centavos: 100))])
        let incoming = Procurement(
            nog: "1", title: "x",
            awards: [Award(supplier: Supplier(partyID: "GT-NIT-222", name: "ACME"), amount: Money(centavos: 100))])
        #expect(stored.overlaid(by: incoming).awards.map(\.supplier.identifier) == ["222", "111"])
    }

    @Test("a supplier named differently with no comparable identifier is a new award")
    func otherName() {
        let foreign = Supplier(scheme: nil, identifier: "", name: "DISTRIBUIDORA BOGOTANA LTDA")
        #expect(ocds().overlaid(by: flat(foreign: foreign)).awards.count == 3)
    }
}
