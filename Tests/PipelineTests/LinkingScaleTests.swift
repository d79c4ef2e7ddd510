import Domain
import Foundation
import Ledger
import Linking
import Pipeline
import TestSupport
import Testing

/// What the national-scale shortcuts of linking and reconciliation must keep: a re-link decides exactly the
/// purchases the newer imports wrote, and reconciliation's lean reads add up to what the full reads gave.
@Suite(.serialized)
struct LinkingScaleTests {
    @Test("a re-link after one NOG page decides only the purchases that import wrote")
    func relinkReadsTouchedNOGs() throws {
        let directory = try TemporaryDirectory()
        let ledger = try LinkingRunTests.samplesLedger(directory.file("libro.sqlite"))
        let first = try LinkingRunTests.link(ledger)
        #expect(first.examined == 36)
        let watermark = try #require(try ledger.linkRuns(ejercicio: 2022).last).importWatermark

        _ = try PipelineFixtures.importOne(ledger, PipelineFixtures.sample("compras/nog-16740804.html"), as: .nogHTML)
        let touched = try ledger.linkableProcurements(LinkingRunTests.scope).filter { $0.importRunID > watermark }
        #expect(!touched.isEmpty && touched.count < 36, "the page rewrites its own NOG, not the others")
        let again = try LinkingRunTests.link(ledger, rules: nil, manual: nil)
        #expect(again.outcome == .linked(.incremental))
        #expect(again.examined == touched.count)
        #expect(again.summary.linked == 36)
    }

    @Test("a re-link after a NOG page and new evidence decides the purchases of both runs, as a full pass would")
    func relinkReadsChangedNOGsOnce() throws {
        let directory = try TemporaryDirectory()
        let ledger = try LinkingRunTests.samplesLedger(directory.file("libro.sqlite"), complement: false)
        _ = try LinkingRunTests.link(ledger)
        let watermark = try #require(try ledger.linkRuns(ejercicio: 2022).last).importWatermark

        // Two runs after the pass: a NOG page (rewrites its purchase) and evidence for twelve other purchases.
        let evidencedBefore = Set(try ledger.linkEvidence(ejercicio: 2022).compactMap(\.nog))
        _ = try PipelineFixtures.importOne(ledger, PipelineFixtures.sample("compras/nog-16740804.html"), as: .nogHTML)
        _ = try PipelineFixtures.importOne(
            ledger, PipelineFixtures.sample("vinculos/insumos-sosep-2022-complemento.csv"), as: .vinculos)
        let purchases = try ledger.linkableProcurements(LinkingRunTests.scope)
        let reimported = Set(purchases.filter { $0.importRunID > watermark }.map(\.nog))
        let evidenced = Set(try ledger.linkEvidence(ejercicio: 2022).compactMap(\.nog)).subtracting(evidencedBefore)
        let expected = reimported.union(evidenced).intersection(purchases.map(\.nog))
        #expect(!reimported.isEmpty && evidenced.count == 12 && expected.count < purchases.count)

        let again = try LinkingRunTests.link(ledger, rules: nil, manual: nil)
        #expect(again.outcome == .linked(.incremental))
        #expect(again.examined == expected.count)
        #expect(again.written + again.unchangedCount == expected.count)
        let incremental = try ledger.links(ejercicio: 2022)

        // A pass with nothing new repeats the re-link's stored totals (the previous pass's plus what the re-link
        // wrote). Then a full pass, which counts the tables: the same links and summary, nothing to write.
        let recount = try LinkingRunTests.link(ledger, rules: nil, manual: nil)
        #expect(recount.outcome == .unchanged)
        #expect(recount.summary == again.summary)
        let full = try LinkingRunTests.link(ledger, rules: nil, manual: nil, full: true)
        #expect(full.written == 0 && full.unchangedCount == purchases.count)
        #expect(full.summary == again.summary)
        #expect(try ledger.links(ejercicio: 2022) == incremental)

        // A ledger given the same files before its first pass links the same: no link written twice or missed.
        let fresh = try LinkingRunTests.samplesLedger(directory.file("fresco.sqlite"))
        _ = try PipelineFixtures.importOne(fresh, PipelineFixtures.sample("compras/nog-16740804.html"), as: .nogHTML)
        let once = try LinkingRunTests.link(fresh)
        #expect(once.summary == again.summary)
        #expect(try fresh.links(ejercicio: 2022).count == incremental.count)
    }

    /// The samples imported and linked, in a ledger that lives as long as its directory.
    private static func linkedSamples() throws -> (TemporaryDirectory, Ledger) {
        let directory = try TemporaryDirectory()
        let ledger = try LinkingRunTests.samplesLedger(directory.file("libro.sqlite"))
        _ = try LinkingRunTests.link(ledger)
        return (directory, ledger)
    }

    @Test("reconciliation from the lean reads equals reconciliation from the full reads, for every grouping")
    func leanReadsAddUpTheSame() throws {
        let (directory, ledger) = try Self.linkedSamples()
        defer { withExtendedLifetime(directory) {} }
        let scope = LinkingRunTests.scope
        let full = try ledger.links(ejercicio: 2022)
        let lean = try ledger.reconciliationLinks(ejercicio: 2022)
        #expect(full.count == lean.count && !lean.isEmpty)
        for (a, b) in zip(full, lean) {
            #expect(a.nog == b.nog && a.productCode == b.productCode && a.renglon == b.renglon)
            #expect(a.method == b.method && a.share == b.share && a.amount == b.amount)
        }
        let purchases = try ledger.linkableProcurements(scope)
        let leanPurchases = try ledger.reconciliationProcurements(scope)
        #expect(purchases.map(\.nog) == leanPurchases.map(\.nog) && !purchases.isEmpty)
        for (a, b) in zip(purchases, leanPurchases) {
            #expect(try a.awardedTotal == b.awardedTotal)
            #expect(a.contractedTotal == b.contractedTotal && a.purchaseDate == b.purchaseDate)
        }
        let lines = try ledger.budgetTotalsByStructure(ejercicio: 2022, months: true)
        let products = try ledger.metas(ejercicio: 2022).products
        for grouping in ReconciliationGrouping.allCases {
            for period in [nil, Period(year: 2022, cuatrimestre: 2)] {
                let expected = try Reconciliation(
                    grouping: grouping, ejercicio: 2022, period: period, lines: lines, products: products,
                    links: full, procurements: purchases)
                let actual = try Reconciliation(
                    grouping: grouping, ejercicio: 2022, period: period, lines: lines, products: products,
                    links: lean, procurements: leanPurchases)
                #expect(actual.rows == expected.rows, "\(grouping) \(String(describing: period))")
                #expect(actual.rows.contains { $0.purchases > 0 })
            }
        }
    }

    @Test("purchases placed as they stream beside their links equal purchases placed from the whole reads")
    func streamedPurchasesAddUpTheSame() throws {
        let (directory, ledger) = try Self.linkedSamples()
        defer { withExtendedLifetime(directory) {} }
        let scope = LinkingRunTests.scope
        let links = try ledger.links(ejercicio: 2022)
        let purchases = try ledger.linkableProcurements(scope)
        let products = try ledger.metas(ejercicio: 2022).products
        for grouping in ReconciliationGrouping.allCases {
            for period in [nil, Period(year: 2022, cuatrimestre: 2)] {
                let (lines, streamed) = try ledger.reconciliationInputs(
                    ejercicio: 2022, entidad: nil, unidadEjecutora: nil, months: true, buyer: scope
                ) { forEachLine in
                    var lines: [BudgetLine] = []
                    try forEachLine { lines.append($0) }
                    return lines
                } place: { forEachPurchase in
                    var placed = ReconciliationPurchases(grouping: grouping, ejercicio: 2022, period: period)
                    var handed: [String] = []
                    let count = try forEachPurchase { purchase, links in
                        handed.append(purchase.nog)
                        #expect(links.allSatisfy { $0.nog == purchase.nog && $0.ejercicio == 2022 })
                        try placed.add(purchase, links: links)
                    }
                    return (placed, handed, count)
                }
                #expect(streamed.1 == purchases.map(\.nog), "every purchase in scope, once, by NOG")
                #expect(streamed.2 == links.count)
                let expected = try Reconciliation(
                    grouping: grouping, ejercicio: 2022, period: period, lines: lines, products: products,
                    links: links, procurements: purchases)
                let actual = try Reconciliation(lines: lines, products: products, purchases: streamed.0)
                #expect(actual.rows == expected.rows, "\(grouping) \(String(describing: period))")
                #expect(actual.rows.contains { $0.purchases > 0 })
            }
        }
    }
}
