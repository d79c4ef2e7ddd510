import Domain
import Foundation
import RedFlags
import Testing

/// TR12–TR17 at their boundaries.
struct PeerBoundaryTests {
    private typealias F = Fixture

    private func bid(_ id: String, _ amount: String) -> FlagBid {
        FlagBid(tendererID: id, tendererName: "OFERENTE \(id)", amount: F.money(amount), status: "valid")
    }

    @Test("TR12: prices far above the class's quartiles (on logs) are medio or alto; a group under 20 is not judged")
    func outliers() throws {
        let item = { (quantity: Int) in
            [
                FlagItem(
                    classificationID: "44121701", description: "Bolígrafo", quantity: Decimal(quantity),
                    unitName: "Unidad")
            ]
        }
        // 20 purchases at Q1.00–Q1.19 per pen, then one at Q5 (medio) and one at Q50 (alto) per pen.
        var purchases = (0..<20).map { index in
            F.purchase("\(index)", F.date(2022, 3, 1), "\(100 + index).00", modality: "baja_cuantia", items: item(100))
        }
        purchases.append(F.purchase("medio", F.date(2022, 3, 2), "140.00", modality: "baja_cuantia", items: item(100)))
        purchases.append(F.purchase("alto", F.date(2022, 3, 2), "5000.00", modality: "baja_cuantia", items: item(100)))
        let flags = F.flags(try F.run(purchases, ids: ["TR12"]), "TR12")
        #expect(
            Dictionary(uniqueKeysWithValues: flags.map { ($0.subject.id, $0.severity) }) == [
                "medio": .medio, "alto": .alto,
            ])
        let few = F.flags(try F.run(Array(purchases.suffix(19)), ids: ["TR12"]), "TR12")
        #expect(few.isEmpty)
    }

    /// A cotización won by A whose runner-up B bid `ratio` more.
    private func gap(_ reference: String, winner: String, runnerUp: String) -> FlagPurchase {
        F.purchase(
            reference, F.date(2022, 3, 1), winner, modality: "cotizacion", supplier: "A",
            bids: [bid("A", winner), bid("B", runnerUp), bid("C", "999999.00")])
    }

    @Test("TR13: a runner-up far above the fence is 'descuento'; one right at the winner is 'cercana'")
    func runnerUp() throws {
        // Ratios 0.10 … 0.19 (ten processes), then 2.00 (descuento) and 0.0001 (cercana).
        var purchases = (0..<10).map { index in
            gap("\(index)", winner: "100000.00", runnerUp: "\(110000 + index * 1000).00")
        }
        purchases.append(gap("lejos", winner: "100000.00", runnerUp: "300000.00"))
        purchases.append(gap("cerca", winner: "100000.00", runnerUp: "100010.00"))
        let flags = F.flags(try F.run(purchases, ids: ["TR13"]), "TR13")
        #expect(Set(flags.map(\.subject.id)) == ["lejos", "cerca"])
        #expect(flags.first { $0.subject.id == "cerca" }?.detail.contains("cercana") == true)
        #expect(flags.allSatisfy { $0.evidence.count == 2 })
    }

    @Test(
        "TR13: the winner must have bid the lowest, bids of 0.00 are not given, and a pending award skips the process")
    func runnerUpRules() throws {
        var purchases = (0..<10).map { index in
            gap("\(index)", winner: "100000.00", runnerUp: "\(110000 + index * 1000).00")
        }
        purchases.append(gap("perdio", winner: "300000.00", runnerUp: "100000.00"))  // lowest bid did not win
        var zero = gap("cero", winner: "100000.00", runnerUp: "300000.00")
        zero.bids[1].amount = F.money("0.00")
        zero.bids[2].amount = F.money("0.00")
        purchases.append(zero)
        var pending = gap("pendiente", winner: "100000.00", runnerUp: "300000.00")
        pending.awards.append(FlagAward(supplierID: "B", supplierName: "B", amount: nil, status: "pending"))
        purchases.append(pending)
        let run = try F.run(purchases, ids: ["TR13"])
        #expect(F.flags(run, "TR13").isEmpty)
        #expect(run.indicators.first?.evaluated == 10)
    }

    @Test("TR14: two bidders with the same amount are flagged; the same bidder twice, or 0.00, is not")
    func identical() throws {
        let purchases = [
            F.purchase(
                "igual", F.date(2022, 3, 1), "1.00", modality: "cotizacion",
                bids: [bid("A", "150000.00"), bid("B", "150000.00"), bid("C", "150000.01")]),
            F.purchase(
                "mismo", F.date(2022, 3, 1), "1.00", modality: "cotizacion",
                bids: [bid("A", "150000.00"), bid("A", "150000.00")]),
            F.purchase(
                "cero", F.date(2022, 3, 1), "1.00", modality: "cotizacion", bids: [bid("A", "0.00"), bid("B", "0.00")]),
            F.purchase(
                "baja", F.date(2022, 3, 1), "1.00", modality: "baja_cuantia",
                bids: [bid("A", "5.00"), bid("B", "5.00")]),
        ]
        let flags = F.flags(try F.run(purchases, ids: ["TR14"]), "TR14")
        #expect(flags.map(\.subject.id) == ["igual"])
        #expect(Set(flags.first?.evidence.compactMap(\.supplierID) ?? []) == ["A", "B"])
    }

    @Test(
        "TR15: a supplier with at least half of a unit's amount (and five purchases, Q250,000 in all) is dominant",
        arguments: [
            ("50000.00", "50000.00", true), ("49999.99", "50000.01", false), ("25000.00", "25000.00", true),
            ("24999.99", "24999.99", false),
        ])
    func dominant(mine: String, others: String, flagged: Bool) throws {
        var purchases = (0..<5).map {
            F.purchase("A\($0)", F.date(2022, 1 + $0, 1), mine, modality: "cotizacion", supplier: "A")
        }
        purchases += (0..<5).map {
            F.purchase("B\($0)", F.date(2022, 1 + $0, 2), others, modality: "cotizacion", supplier: "B\($0)")
        }
        let flags = F.flags(try F.run(purchases, ids: ["TR15"], settings: "[TR15]\ncompras_repetidas = 0"), "TR15")
        #expect(flags.filter { $0.subject.id.hasSuffix(":dominante") }.count == (flagged ? 1 : 0))
    }

    @Test("TR15: four UNSPSC families from one supplier, and three direct purchases, are informative")
    func subflags() throws {
        let families = ["44121701", "50221101", "42211502", "72101500"]
        let purchases = families.enumerated().map { index, code in
            F.purchase(
                "\(index)", F.date(2022, 1 + index, 1), "1000.00", modality: "baja_cuantia", supplier: "A",
                items: [FlagItem(classificationID: code, description: "x")])
        }
        let flags = F.flags(try F.run(purchases, ids: ["TR15"]), "TR15")
        #expect(flags.contains { $0.subject.id.hasSuffix(":familias") && $0.severity == .informativo })
        #expect(flags.contains { $0.subject.id.hasSuffix(":compras-repetidas") })
        let three = F.flags(try F.run(Array(purchases.prefix(3)), ids: ["TR15"]), "TR15")
        #expect(!three.contains { $0.subject.id.hasSuffix(":familias") })
    }

    @Test(
        "TR16: a supplier with more categories than its peers' upper fence (Cardinal R048) is flagged; equal peers are not"
    )
    func heterogeneous() throws {
        var purchases: [FlagPurchase] = []
        // Eight suppliers with 20 processes each in 2 categories, one with 20 processes in 10 categories.
        for supplier in 0..<9 {
            for process in 0..<20 {
                let categories = supplier == 8 ? 10 : 2
                let code = "\(10 + process % categories)101500"
                purchases.append(
                    F.purchase(
                        "\(supplier)-\(process)", F.date(2022, 3, 1), "1000.00", supplier: "S\(supplier)",
                        items: [FlagItem(classificationID: code, description: "x")]))
            }
        }
        let flags = F.flags(try F.run(purchases, ids: ["TR16"]), "TR16")
        #expect(flags.map(\.subject.id) == ["S8"])
        let fewer = F.flags(try F.run(purchases.filter { !$0.reference.hasSuffix("-19") }, ids: ["TR16"]), "TR16")
        #expect(fewer.isEmpty)  // 19 processes each: under min_procesos
    }

    @Test(
        "TR17: a large award to a supplier first seen ≤ 365 days before, with a year of history, is medio",
        arguments: [("900000.00", 365, true), ("899999.99", 365, false), ("900000.00", 366, false)])
    func newSupplier(amount: String, age: Int, flagged: Bool) throws {
        let award = F.date(2022, 6, 1)
        let history = [
            "N": FlagSupplierHistory(
                firstAwardAt: award.addingTimeInterval(TimeInterval(-age * 86_400)), processes: 5,
                total: F.money("5000000.00"))
        ]
        let run = try F.run(
            [F.purchase("1", award, amount, modality: "licitacion_publica", supplier: "N")], ids: ["TR17"],
            history: history,
            coverage: F.date(2020, 1, 1))
        #expect(F.flags(run, "TR17").filter { $0.severity == .medio }.count == (flagged ? 1 : 0))
    }

    @Test("TR17: without a year of earlier data newness is not judged; a sporadic supplier is still informative")
    func withoutHistory() throws {
        let award = F.date(2020, 6, 1)
        let history = ["N": FlagSupplierHistory(firstAwardAt: award, processes: 1, total: F.money("950000.00"))]
        let run = try F.run(
            [F.purchase("1", award, "950000.00", modality: "licitacion_publica", supplier: "N")], ids: ["TR17"],
            year: 2020,
            history: history, coverage: F.date(2020, 1, 1))
        #expect(F.flags(run, "TR17").map(\.severity) == [.informativo])
    }
}
