import Domain
import Foundation
import Linking
import Testing

struct ReconciliationTests {
    private func line(
        _ programa: String, _ actividad: String, _ renglon: String, vigente: Int64, devengado: Int64,
        months: [Int: Int64] = [:]
    ) -> BudgetLine {
        BudgetLine(
            key: BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: programa, subprograma: "00",
                proyecto: "000", actividad: actividad, obra: "000", renglon: Renglon(rawValue: renglon)!, fuente: "11",
                ubicacionGeografica: "0101"),
            amounts: ExecutionAmounts(
                asignado: Money(centavos: vigente), modificado: .zero, vigente: Money(centavos: vigente),
                comprometido: Money(centavos: devengado), devengado: Money(centavos: devengado),
                pagado: Money(centavos: devengado),
                devengadoMensual: MonthlyAmounts(months.mapValues(Money.init(centavos:)))),
            sourceLine: 1)
    }

    private var lines: [BudgetLine] {
        [
            line("11", "001", "211", vigente: 1_000_00, devengado: 600_00, months: [5: 600_00]),
            line("11", "001", "011", vigente: 5_000_00, devengado: 4_000_00, months: [1: 2_000_00, 6: 2_000_00]),
            line("01", "001", "111", vigente: 300_00, devengado: 200_00, months: [10: 200_00]),
            line("11", "009", "211", vigente: 50_00, devengado: 0),  // an activity no product has
        ]
    }

    private var procurements: [LinkableProcurement] {
        [
            LinkFixtures.procurement("1", awards: [("421450878", 500_00)], published: "2022-05-02", contracted: 500_00),
            LinkFixtures.procurement("2", awards: [("82590753", 100_00)], published: "2022-10-01"),
            LinkFixtures.procurement("3", awards: [("947642900", 70_00)], published: "2022-06-10"),
            LinkFixtures.procurement("4", awards: [], published: "2022-07-01"),
        ]
    }

    private var links: [ProcurementLink] {
        [
            ProcurementLink(
                ejercicio: 2022, nog: "1", productCode: "P02", renglon: Renglon(rawValue: "211"), method: .evidence,
                share: .whole, amount: Money(centavos: 500_00), provenance: LinkProvenance(label: "e")),
            ProcurementLink(
                ejercicio: 2022, nog: "2", productCode: "P01", renglon: Renglon(rawValue: "111"), method: .evidence,
                share: LinkShare(billionths: 700_000_000), amount: Money(centavos: 70_00),
                provenance: LinkProvenance(label: "e")),
            ProcurementLink(
                ejercicio: 2022, nog: "2", productCode: "P05", method: .rule,
                share: LinkShare(billionths: 300_000_000), amount: Money(centavos: 30_00),
                provenance: LinkProvenance(label: "r")),
        ]
    }

    @Test("by product: every product has a row, execution outside the products is kept, totals add up")
    func byProduct() throws {
        let result = try Reconciliation(
            grouping: .producto, ejercicio: 2022, lines: lines, products: LinkFixtures.products,
            links: links, procurements: procurements)
        #expect(result.rows.filter { $0.kind == .key }.map(\.key) == ["P01", "P02", "P03", "P04", "P05"])
        let p02 = try #require(result.rows.first { $0.key == "P02" })
        #expect(p02.execution?.vigente == Money(centavos: 6_000_00))
        #expect(p02.awarded == Money(centavos: 500_00))
        #expect(p02.contracted == Money(centavos: 500_00))
        #expect(p02.purchases == 1)
        let outside = try #require(result.rows.first { $0.kind == .withoutKey })
        #expect(outside.key == "sin_producto")
        #expect(outside.execution?.vigente == Money(centavos: 50_00))
        let vigente = try Money.sum(result.placedRows.compactMap(\.execution?.vigente))
        #expect(try vigente == Money.sum(lines.map(\.amounts.vigente)))
        let unlinked = try #require(result.rows.first { $0.kind == .unlinkedPurchases })
        #expect(unlinked.purchases == 2)
        #expect(unlinked.awarded == Money(centavos: 70_00))
        #expect(
            try Money.sum(result.rows.filter { $0.kind != .executionWithoutPurchase }.map(\.awarded))
                == Money.sum(procurements.compactMap { try $0.awardedTotal }))
        // Lines explained by a linked purchase: P02 renglón 211 and P01 renglón 111; the rest is without purchase.
        let without = try #require(result.rows.last)
        #expect(without.kind == .executionWithoutPurchase)
        #expect(without.execution?.vigente == Money(centavos: 5_050_00))
    }

    @Test(
        "execution added as it streams: line order and other years' lines change nothing, and each line without purchase counts once",
        arguments: ReconciliationGrouping.allCases)
    func executionAsItStreams(grouping: ReconciliationGrouping) throws {
        let purchases = try ReconciliationPurchases(
            grouping: grouping, ejercicio: 2022, links: links, procurements: procurements)
        let expected = try Reconciliation(lines: lines, products: LinkFixtures.products, purchases: purchases)
        var otherYear = lines[1]
        otherYear.key.ejercicio = 2021
        // Named twice, a grouping is still added up once.
        var execution = ReconciliationExecution(
            groupings: [grouping, grouping], ejercicio: 2022, period: nil, products: LinkFixtures.products)
        for line in [otherYear] + lines.reversed() { try execution.add(line) }
        let streamed = try Reconciliation(execution: execution, products: LinkFixtures.products, purchases: purchases)
        #expect(streamed.rows == expected.rows)
        // Every grouping holds all the year's devengado once (600 + 4,000 + 200 + 0), whichever way it is cut.
        #expect(try Money.sum(streamed.placedRows.compactMap(\.execution?.devengado)) == Money(centavos: 4_800_00))
        // P02's 011 line and P01's line outside its renglón (none here) and the activity without product: 5,050.00.
        #expect(streamed.rows.last?.execution?.vigente == Money(centavos: 5_050_00))
        #expect(streamed.rows.last?.execution?.devengado == Money(centavos: 4_000_00))
    }

    @Test("placed together, the groupings' reconciliations are those placed apart (explained lines noted once)")
    func placedTogether() throws {
        let groupings = ReconciliationGrouping.allCases
        var batch = ReconciliationPurchasesBatch(groupings: groupings, ejercicio: 2022)
        var byNOG: [String: [ProcurementLink]] = [:]
        for link in links { byNOG[link.nog, default: []].append(link) }
        for procurement in procurements { try batch.add(procurement, links: byNOG[procurement.nog] ?? []) }
        let together = batch.purchases
        #expect(together.map(\.grouping) == groupings)
        for (grouping, purchases) in zip(groupings, together) {
            let apart = try ReconciliationPurchases(
                grouping: grouping, ejercicio: 2022, links: links, procurements: procurements)
            let expected = try Reconciliation(lines: lines, products: LinkFixtures.products, purchases: apart)
            let placed = try Reconciliation(lines: lines, products: LinkFixtures.products, purchases: purchases)
            #expect(placed.rows == expected.rows)
            // The line without purchase depends on the explained lines, which only the first grouping noted.
            #expect(placed.rows.last?.execution?.vigente == Money(centavos: 5_050_00))
        }
    }

    @Test("a purchase counts once in a row however many of its links land there, and once if listed twice")
    func purchasesCountedOnce() throws {
        func link(_ nog: String, _ product: String, _ renglon: String?, _ centavos: Int64) -> ProcurementLink {
            ProcurementLink(
                ejercicio: 2022, nog: nog, productCode: product, renglon: renglon.flatMap(Renglon.init(rawValue:)),
                method: .evidence, share: LinkShare(billionths: 500_000_000), amount: Money(centavos: centavos),
                provenance: LinkProvenance(label: "e"))
        }
        let purchases = [
            LinkFixtures.procurement("1", awards: [("421450878", 200_00)]),
            LinkFixtures.procurement("1", awards: [("421450878", 200_00)]),
            LinkFixtures.procurement("2", awards: [("82590753", 100_00)]),
        ]
        let twoLinks = [
            link("1", "P02", "211", 100_00), link("1", "P02", "111", 100_00),
            link("2", "P02", "211", 50_00), link("2", "P05", nil, 50_00),
        ]
        let byProduct = try Reconciliation(
            grouping: .producto, ejercicio: 2022, lines: lines, products: LinkFixtures.products, links: twoLinks,
            procurements: purchases)
        #expect(byProduct.rows.first { $0.key == "P02" }?.purchases == 2)
        #expect(byProduct.rows.first { $0.key == "P02" }?.awarded == Money(centavos: 250_00))
        #expect(byProduct.rows.first { $0.key == "P05" }?.purchases == 1)
        let byGroup = try Reconciliation(
            grouping: .grupo, ejercicio: 2022, lines: lines, products: LinkFixtures.products, links: twoLinks,
            procurements: purchases)
        #expect(byGroup.rows.first { $0.key == "200" }?.purchases == 2)
        #expect(byGroup.rows.first { $0.key == "100" }?.purchases == 1)
        #expect(byGroup.rows.first { $0.key == "sin_renglon" }?.purchases == 1)
        // Only line 11/001/211 is explained (P02, renglón 211); renglón 111 was linked to P02, whose lines have none.
        let without = try #require(byProduct.rows.last)
        #expect(without.execution?.vigente == Money(centavos: 5_350_00))
    }

    @Test("by group: links without renglón are kept apart; by renglón likewise")
    func byGroup() throws {
        let result = try Reconciliation(
            grouping: .grupo, ejercicio: 2022, lines: lines, products: LinkFixtures.products,
            links: links, procurements: procurements)
        #expect(result.rows.filter { $0.kind == .key }.map(\.key) == ["000", "100", "200"])
        #expect(result.rows.first { $0.key == "200" }?.awarded == Money(centavos: 500_00))
        #expect(result.rows.first { $0.key == "sin_renglon" }?.awarded == Money(centavos: 30_00))
        let renglones = try Reconciliation(
            grouping: .renglon, ejercicio: 2022, lines: lines, products: LinkFixtures.products,
            links: links, procurements: procurements)
        #expect(renglones.rows.filter { $0.kind == .key }.map(\.key) == ["011", "111", "211"])
    }

    @Test("by month with a cuatrimestre: only its months, devengado by month, purchases by date")
    func byMonth() throws {
        let result = try Reconciliation(
            grouping: .mes, ejercicio: 2022, period: Period(year: 2022, cuatrimestre: 2),
            lines: lines, products: LinkFixtures.products, links: links, procurements: procurements)
        #expect(result.rows.filter { $0.kind == .key }.map(\.key) == ["05", "06", "07", "08"])
        let may = try #require(result.rows.first { $0.key == "05" })
        #expect(may.execution?.devengado == Money(centavos: 600_00))
        #expect(may.awarded == Money(centavos: 500_00))
        #expect(may.devengadoOnly)
        #expect(result.rows.first { $0.key == "10" } == nil)
        // NOG 2 is dated October: outside the cuatrimestre. NOG 3 (June) and 4 (July) are unlinked.
        let unlinked = try #require(result.rows.first { $0.kind == .unlinkedPurchases })
        #expect(unlinked.purchases == 2)
        #expect(unlinked.awarded == Money(centavos: 70_00))
        // The line without monthly breakdown has no devengado: it adds nothing to «sin_mes».
        #expect(result.rows.first { $0.key == "sin_mes" } == nil)
    }

    @Test("a partially linked purchase puts its uncovered part among the unlinked purchases")
    func partial() throws {
        let partialLinks = [
            ProcurementLink(
                ejercicio: 2022, nog: "1", productCode: "P02", method: .manual,
                share: LinkShare(billionths: 400_000_000),
                amount: Money(centavos: 200_00), provenance: LinkProvenance(label: "m"))
        ]
        let result = try Reconciliation(
            grouping: .producto, ejercicio: 2022, lines: [], products: LinkFixtures.products,
            links: partialLinks, procurements: [procurements[0]])
        let unlinked = try #require(result.rows.first { $0.kind == .unlinkedPurchases })
        #expect(unlinked.purchases == 0)
        #expect(unlinked.awarded == Money(centavos: 300_00))
        #expect(unlinked.contracted == Money(centavos: 300_00))
        #expect(result.rows.first { $0.key == "P02" }?.contracted == Money(centavos: 200_00))
    }
}
