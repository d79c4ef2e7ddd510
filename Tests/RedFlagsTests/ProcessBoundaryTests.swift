import Domain
import Foundation
import RedFlags
import Testing

/// TR08–TR11 at their boundaries.
struct ProcessBoundaryTests {
    private typealias F = Fixture

    private func bid(_ id: String, _ amount: String?, status: String? = "valid") -> FlagBid {
        FlagBid(tendererID: id, tendererName: "OFERENTE \(id)", amount: amount.map(F.money), status: status)
    }

    @Test(
        "TR08: one bidder in a cotización is flagged; two, or one in a compra directa, are not",
        arguments: [
            ("cotizacion", ["A"], 1), ("cotizacion", ["A", "B"], 0), ("cotizacion", ["A", "A"], 1),
            ("compra_directa_oferta_electronica", ["A"], 0), ("licitacion_publica", ["A"], 1),
        ])
    func singleBidder(modality: String, bidders: [String], expected: Int) throws {
        let purchase = F.purchase(
            "1", F.date(2022, 3, 1), "100000.00", modality: modality, bids: bidders.map { bid($0, "100000.00") })
        #expect(F.flags(try F.run([purchase], ids: ["TR08"]), "TR08").count == expected)
    }

    @Test("TR08: processes without bids in the ledger are not evaluated, and the note says how many")
    func withoutBids() throws {
        let run = try F.run([F.purchase("1", F.date(2022, 3, 1), "100000.00", modality: "cotizacion")], ids: ["TR08"])
        #expect(F.flags(run, "TR08").isEmpty)
        #expect(run.indicators.first?.notes.first?.contains("1 procesos competitivos sin ofertas") == true)
    }

    @Test("TR08: withdrawn and invited bids are not submitted")
    func withdrawn() throws {
        let purchase = F.purchase(
            "1", F.date(2022, 3, 1), "100000.00", modality: "cotizacion",
            bids: [bid("A", "1.00"), bid("B", "2.00", status: "withdrawn"), bid("C", nil, status: "invited")])
        #expect(F.flags(try F.run([purchase], ids: ["TR08"]), "TR08").count == 1)
    }

    /// `count` units of 20 purchases each, `nonCompetitive` of them baja cuantía (same amounts), plus extra units.
    private func units(_ shares: [Int], purchases: Int = 20) -> [FlagPurchase] {
        var result: [FlagPurchase] = []
        for (unit, nonCompetitive) in shares.enumerated() {
            for index in 0..<purchases {
                let modality = index < nonCompetitive ? "baja_cuantia" : "cotizacion"
                result.append(
                    F.purchase(
                        "\(unit)-\(index)", F.date(2022, 1 + index % 12, 3),
                        modality == "cotizacion" ? "20000.00" : "20000.00",
                        modality: modality, unit: "U\(unit)"))
            }
        }
        return result
    }

    @Test("TR09: a unit above its peers' upper fence is flagged; its peers are not")
    func nonCompetitive() throws {
        // Shares 0.20 … 0.35 for nine units, 0.95 for the last.
        let run = try F.run(units([4, 4, 5, 5, 6, 6, 6, 7, 7, 19]), ids: ["TR09"])
        let flags = F.flags(run, "TR09")
        #expect(flags.map(\.subject.id) == ["U9"])
        #expect(flags.first?.value == "0.9500")
    }

    @Test("TR09: the fixed cap flags at exactly tope; units under min_procesos are not evaluated")
    func cap() throws {
        var run = try F.run(units([18, 18, 18, 18]), ids: ["TR09"])  // all 0.90: no fence spread, cap at 0.9
        #expect(F.flags(run, "TR09").count == 4)
        run = try F.run(units([17, 17, 17, 17]), ids: ["TR09"])
        #expect(F.flags(run, "TR09").isEmpty)
        run = try F.run(units([19, 19, 19, 19], purchases: 19), ids: ["TR09"])
        #expect(F.flags(run, "TR09").isEmpty)
        #expect(run.indicators.first?.evaluated == 0)
    }

    @Test(
        "TR10: whole days between publication and close, truncated like Cardinal, below the modality's minimum",
        arguments: [
            ("cotizacion", 8, 0, 0), ("cotizacion", 7, 23, 1), ("licitacion_publica", 40, 0, 0),
            ("licitacion_publica", 39, 0, 1), ("compra_directa_oferta_electronica", 1, 0, 0),
            ("compra_directa_oferta_electronica", 0, 23, 1), ("baja_cuantia", 0, 1, 0),
        ])
    func offerPeriod(modality: String, days: Int, hours: Int, expected: Int) throws {
        let published = F.date(2022, 3, 1, hour: 8)
        let end = published.addingTimeInterval(TimeInterval(days * 86_400 + hours * 3600 + (hours > 0 ? 3599 : 0)))
        let purchase = F.purchase(
            "1", F.date(2022, 4, 1), "100000.00", modality: modality, published: published, tenderEnd: end)
        #expect(F.flags(try F.run([purchase], ids: ["TR10"]), "TR10").count == expected)
    }

    @Test("TR10: a fallback minimum evaluates the other modalities, as Cardinal's default of 15 days")
    func fallback() throws {
        let published = F.date(2022, 3, 1)
        let purchase = F.purchase(
            "1", F.date(2022, 4, 1), "20000.00", modality: "casos_excepcion", published: published,
            tenderEnd: published.addingTimeInterval(14 * 86_400))
        #expect(F.flags(try F.run([purchase], ids: ["TR10"], settings: "[TR10]\npor_omision = 15"), "TR10").count == 1)
        #expect(F.flags(try F.run([purchase], ids: ["TR10"]), "TR10").isEmpty)
    }

    @Test(
        "TR11: an award less than a day after the close of a cotización is short; a day or more is not",
        arguments: [(86_399.0, 1), (86_400.0, 0)])
    func shortDecision(seconds: Double, expected: Int) throws {
        let end = F.date(2022, 3, 10)
        let purchase = F.purchase(
            "1", end.addingTimeInterval(seconds), "100000.00", modality: "cotizacion", published: F.date(2022, 3, 1),
            tenderEnd: end)
        let flags = F.flags(try F.run([purchase], ids: ["TR11"]), "TR11").filter { $0.detail.contains("corta") }
        #expect(flags.count == expected)
    }

    @Test("TR11: awards spread over more than 30 days are staggered (informative)", arguments: [(30, 0), (31, 1)])
    func staggered(days: Int, expected: Int) throws {
        let first = F.date(2022, 3, 10)
        var purchase = F.purchase("1", first, "100000.00", modality: "cotizacion", published: F.date(2022, 3, 1))
        purchase.awards.append(
            FlagAward(
                supplierID: "2", supplierName: "DOS", amount: F.money("1.00"), status: "active",
                date: first.addingTimeInterval(TimeInterval(days * 86_400))))
        let flags = F.flags(try F.run([purchase], ids: ["TR11"]), "TR11").filter { $0.detail.contains("escalonada") }
        #expect(flags.count == expected)
        #expect(flags.allSatisfy { $0.severity == .informativo })
    }

    @Test("TR11: decision periods above the modality's 95th percentile in the year are long")
    func longDecision() throws {
        // 20 cotizaciones decided 1…20 days after publication; type-8 p95 of 1…20 is 19.95, so only 20 is long.
        let purchases = (1...20).map { days in
            F.purchase(
                "\(days)", F.date(2022, 3, 1).addingTimeInterval(TimeInterval(days * 86_400)), "100000.00",
                modality: "compra_directa_oferta_electronica", published: F.date(2022, 3, 1))
        }
        let flags = F.flags(try F.run(purchases, ids: ["TR11"]), "TR11")
        #expect(flags.map(\.subject.id) == ["20"])
        let fewer = F.flags(try F.run(Array(purchases.prefix(19)), ids: ["TR11"]), "TR11")
        #expect(fewer.isEmpty)  // under min_grupo = 20
    }
}
