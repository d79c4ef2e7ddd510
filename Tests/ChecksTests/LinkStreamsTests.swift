import Domain
import Foundation
import TestSupport
import Testing

@testable import Ledger

/// The ledger's streamed reads behind the link checks give what the whole reads gave: links grouped by purchase
/// in the same order, awarded totals of active awards, and each linked purchase's dates with its link years.
struct LinkStreamsTests {
    private static func purchase(_ nog: String, published: String, awarded: String?, awards: [Award]) -> Procurement {
        func date(_ text: String?) -> Date? {
            if let text, case .date(let value) = ProcurementDate.parse(text) { return value }
            return nil
        }
        var purchase = Procurement(nog: nog, title: "COMPRA \(nog)", buyingUnitCode: "436-2", status: "Adjudicado")
        purchase.publishedAt = date(published)
        purchase.awardedAt = date(awarded)
        purchase.awards = awards
        return purchase
    }

    private static func award(_ centavos: Int64?, _ status: String?) -> Award {
        Award(
            supplier: Supplier(scheme: .nit, identifier: "421450878", name: "PROVEEDOR"),
            amount: centavos.map(Money.init(centavos:)), status: status)
    }

    /// Purchases 7, 12, 3 and 40 (unlinked), with links in 2022 and 2023 written out of NOG order.
    private static func ledger() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        for year in [2022, 2023] {
            _ = try ledger.importMetas(
                Metas(products: ["P01", "P02", "P03"].map { SampleValues.product($0, year: year) }),
                source: ImportSource(sourceKind: "metas", fileName: "m\(year).csv", sha256: "m\(year)", bytes: 1),
                toolVersion: "t", rowsRead: 3)
        }
        _ = try ledger.importing(
            ImportSource(sourceKind: "compras", fileName: "c.csv", sha256: "c", bytes: 1), toolVersion: "t"
        ) { session in
            let sink = session.procurements()
            try sink.upsert(
                purchase(
                    "7", published: "2022-02-01", awarded: "2022-03-01",
                    awards: [award(100_00, "active"), award(50_00, "CANCELLED"), award(nil, nil)]), policy: .overlay)
            try sink.upsert(
                purchase("12", published: "2021-12-20", awarded: nil, awards: [award(30_00, nil)]), policy: .overlay)
            try sink.upsert(
                purchase("3", published: "2022-05-05", awarded: nil, awards: [award(20_00, "Unsuccessful")]),
                policy: .overlay)
            try sink.upsert(
                purchase("40", published: "2022-06-06", awarded: nil, awards: [award(1_00, nil)]), policy: .overlay)
            return .commit(ImportCounts(rowsRead: 4, rowsAccepted: 4))
        }
        try ledger.linking(toolVersion: "t") { session in
            for year in [2023, 2022] {
                let run = try session.beginRun(ejercicio: year, mode: .full, inputsDigest: "d", importWatermark: 0)
                for (nog, products) in [("12", ["P02", "P01"]), ("7", ["P01"]), ("3", ["P03", "P01", "P02"])]
                where year == 2022 || nog != "3" {
                    let links = products.enumerated().map { index, product in
                        ProcurementLink(
                            ejercicio: year, nog: nog, productCode: product,
                            method: index == 0 ? .manual : .evidence,
                            share: LinkShare(billionths: 1_000_000_000 / Int64(products.count)),
                            amount: Money(centavos: Int64(10_00 * (index + 1))),
                            provenance: LinkProvenance(label: "m.csv:\(index)"))
                    }
                    try session.write(
                        nog: nog, ejercicio: year, links: links, unlinked: nil, digest: nog, runID: run,
                        replacing: false)
                }
            }
            return (.commit, ())
        }
        return ledger
    }

    @Test("links come one purchase at a time, by year then NOG, as the whole read grouped them")
    func purchaseLinks() throws {
        let ledger = try Self.ledger()
        for year in [nil, 2022, 2023] {
            var groups: [[ProcurementLink]] = []
            try ledger.forEachPurchaseLinks(ejercicio: year) { groups.append($0) }
            let whole = Dictionary(grouping: try ledger.links(ejercicio: year)) { "\($0.ejercicio)|\($0.nog)" }
                .sorted { $0.key < $1.key }.map(\.value)
            #expect(groups.map { $0.map(\.productCode) } == whole.map { $0.map(\.productCode) }, "\(year as Any)")
            #expect(groups.map { $0.map(\.amount) } == whole.map { $0.map(\.amount) })
            #expect(groups.map { $0.map(\.share) } == whole.map { $0.map(\.share) })
            #expect(groups.map { $0.map(\.method) } == whole.map { $0.map(\.method) })
        }
        var both: [String] = []
        try ledger.forEachPurchaseLinks(ejercicio: nil) { both.append("\($0[0].ejercicio)|\($0[0].nog)") }
        #expect(both == ["2022|12", "2022|3", "2022|7", "2023|12", "2023|7"])
    }

    @Test("awarded totals of linked purchases count active awards with amounts, as LinkableProcurement does")
    func awardedTotals() throws {
        let ledger = try Self.ledger()
        for year in [nil, 2022, 2023] {
            var expected: [String: Money] = [:]
            for purchase in try ledger.linkedProcurements(ejercicio: year) {
                if let total = try purchase.awardedTotal { expected[purchase.nog] = total }
            }
            #expect(try ledger.linkedAwardedTotals(ejercicio: year) == expected, "\(year as Any)")
        }
        #expect(
            try ledger.linkedAwardedTotals(ejercicio: 2022) == [
                "7": Money(centavos: 100_00), "12": Money(centavos: 30_00),
            ])
    }

    @Test("each linked purchase comes by NOG with its dates and the years of its links")
    func purchaseDates() throws {
        let ledger = try Self.ledger()
        for year in [nil, 2022, 2023] {
            var streamed: [(String, Date?, Date?, [Int])] = []
            try ledger.forEachLinkedPurchaseDates(ejercicio: year) {
                streamed.append(($0.nog, $0.publishedAt, $0.awardedAt, $1))
            }
            let years = Dictionary(grouping: try ledger.links(ejercicio: year), by: \.nog)
                .mapValues { Set($0.map(\.ejercicio)).sorted() }
            let whole = try ledger.linkedProcurements(ejercicio: year)
            #expect(streamed.map(\.0) == whole.map(\.nog), "\(year as Any)")
            #expect(streamed.map(\.1) == whole.map(\.publishedAt))
            #expect(streamed.map(\.2) == whole.map(\.awardedAt))
            #expect(streamed.map(\.3) == whole.map { years[$0.nog] ?? [] })
        }
        var all: [String: [Int]] = [:]
        try ledger.forEachLinkedPurchaseDates(ejercicio: nil) { all[$0.nog] = $1 }
        #expect(all == ["12": [2022, 2023], "3": [2022], "7": [2022, 2023]])
    }

    @Test("every link streams with its purchase's title, in the order and with the fields of the whole read")
    func linksWithTitles() throws {
        let ledger = try Self.ledger()
        for year in [nil, 2022, 2023] {
            var streamed: [ProcurementLink] = []
            var titles: [String?] = []
            try ledger.forEachLink(ejercicio: year) {
                streamed.append($0)
                titles.append($1)
            }
            #expect(streamed == (try ledger.links(ejercicio: year)), "\(year as Any)")
            #expect(titles == streamed.map { "COMPRA \($0.nog)" })
        }
        var one: [ProcurementLink] = []
        try ledger.forEachLink(ejercicio: 2022, nog: "12") { link, _ in one.append(link) }
        #expect(one.map(\.productCode) == ["P02", "P01"])
    }
}
