import Domain
import Foundation
import RedFlags
import Testing

/// TR05–TR07 at their boundaries.
struct ThresholdBoundaryTests {
    private typealias F = Fixture

    @Test(
        "TR05: one purchase in [T(1−δ), T] is informative; one centavo outside is not",
        arguments: [
            ("85500.00", true), ("85499.99", false), ("90000.00", true), ("23750.00", true), ("23749.99", false),
            ("855000.00", true), ("25000.00", true), ("25000.01", false),
        ])
    func purchaseBand(amount: String, flagged: Bool) throws {
        let modality =
            F.money(amount) <= F.money("25000.00")
            ? "baja_cuantia"
            : (F.money(amount) <= F.money("90000.00") ? "compra_directa_oferta_electronica" : "cotizacion")
        let run = try F.run([F.purchase("1", F.date(2022, 3, 1), amount, modality: modality)], ids: ["TR05"])
        #expect(F.flags(run, "TR05").count == (flagged ? 1 : 0))
        #expect(F.flags(run, "TR05").allSatisfy { $0.severity == .informativo })
    }

    /// `inBand` purchases in (T(1−δ), T] and `below` in (T(1−2δ), T(1−δ)] for T = Q90,000.
    private func unit(inBand: Int, below: Int, edge: Bool = false) -> [FlagPurchase] {
        var purchases: [FlagPurchase] = []
        for index in 0..<inBand {
            purchases.append(
                F.purchase("1\(index)", F.date(2022, 1 + index % 12, 5), "88000.00", supplier: "S\(index)"))
        }
        for index in 0..<below {
            // T(1−δ) = 85,500.00 exactly belongs to the lower band.
            let amount = edge ? "85500.00" : "83000.00"
            purchases.append(F.purchase("2\(index)", F.date(2022, 1 + index % 12, 6), amount, supplier: "T\(index)"))
        }
        return purchases
    }

    @Test(
        "TR05: a unit is flagged when n1 ≥ min_n and n1 / max(n0, 1) ≥ razón",
        arguments: [(5, 1, true), (4, 0, false), (6, 2, true), (5, 2, false), (3, 1, false)])
    func unitBunching(inBand: Int, below: Int, flagged: Bool) throws {
        let run = try F.run(unit(inBand: inBand, below: below), ids: ["TR05"], settings: "[TR05]\npor_compra = false")
        let flags = F.flags(run, "TR05").filter { $0.subject.kind == .unidad }
        #expect(flags.count == (flagged ? 1 : 0))
        #expect(flags.allSatisfy { $0.severity == .medio && $0.evidence.count == inBand })
    }

    @Test("TR05: an amount exactly at T(1−δ) counts in the lower band, not in the bunch")
    func bandEdge() throws {
        let run = try F.run(
            unit(inBand: 6, below: 3, edge: true), ids: ["TR05"], settings: "[TR05]\npor_compra = false")
        #expect(F.flags(run, "TR05").isEmpty)  // 6 / 3 = 2 < 3
    }

    @Test(
        "TR06: amounts within 0.5 % of the larger and ≤ 15 days apart pair up",
        arguments: [("99500.00", 15, 1), ("99499.99", 15, 0), ("99500.00", 16, 0), ("100000.00", 0, 1)])
    func repeated(second: String, gap: Int, expected: Int) throws {
        let purchases = [
            F.purchase("1001", F.date(2022, 6, 1), "100000.00", modality: "cotizacion"),
            F.purchase("1002", F.date(2022, 6, 1 + gap), second, modality: "cotizacion"),
        ]
        #expect(F.flags(try F.run(purchases, ids: ["TR06"]), "TR06").count == expected)
    }

    @Test("TR06: an NPG baja cuantía and a NOG exception for the same amount is alto (possible double publication)")
    func npgThenNog() throws {
        let purchases = [
            F.purchase("E-77", F.date(2022, 3, 1), "24000.00", modality: nil, kind: .npg),
            F.purchase("1002", F.date(2022, 3, 2), "24000.00", modality: "casos_excepcion"),
        ]
        let flag = try #require(F.flags(try F.run(purchases, ids: ["TR06"]), "TR06").first)
        #expect(flag.severity == .alto)
        #expect(Set(flag.evidence.map(\.referenceKind)) == ["NOG", "NPG"])
    }

    @Test(
        "TR07: amounts above the modality's ceiling at the purchase date",
        arguments: [
            ("baja_cuantia", "25000.00", RedFlagSeverity?.none), ("baja_cuantia", "25000.01", .medio),
            ("baja_cuantia", "90000.01", .alto), ("compra_directa_oferta_electronica", "90000.00", nil),
            ("compra_directa_oferta_electronica", "90000.01", .medio),
            ("compra_directa_oferta_electronica", "900000.01", .alto), ("cotizacion", "900000.01", .medio),
            ("licitacion_publica", "99000000.00", nil),
        ])
    func aboveRange(modality: String, amount: String, expected: RedFlagSeverity?) throws {
        let run = try F.run([F.purchase("1", F.date(2022, 3, 1), amount, modality: modality)], ids: ["TR07"])
        #expect(F.flags(run, "TR07").first?.severity == expected)
    }

    @Test("TR07: a dated threshold override applies only from its date; an NPG's assumed modality is never judged")
    func datedThreshold() throws {
        let settings = """
            [[umbrales]]
            modalidad = "baja_cuantia"
            minimo = "0.01"
            maximo = "35000.00"
            vigente_desde = "2022-07-01"
            """
        let purchases = [
            F.purchase("1", F.date(2022, 6, 30), "30000.00", modality: "baja_cuantia"),
            F.purchase("2", F.date(2022, 7, 1), "30000.00", modality: "baja_cuantia"),
            F.purchase("E-3", F.date(2022, 7, 1), "60000.00", modality: nil, kind: .npg),
        ]
        let flags = F.flags(try F.run(purchases, ids: ["TR07"], settings: settings), "TR07")
        #expect(flags.map(\.subject.id) == ["1"])
    }

    @Test("TR07: before the catalog's vigente_desde year a modality has no range")
    func beforeCatalog() throws {
        let run = try F.run(
            [F.purchase("1", F.date(2015, 3, 1), "30000.00", modality: "baja_cuantia")], ids: ["TR07"], year: 2015)
        #expect(F.flags(run, "TR07").isEmpty)
        #expect(run.indicators.first?.evaluated == 0)
    }
}
