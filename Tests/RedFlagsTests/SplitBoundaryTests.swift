import Domain
import Foundation
import RedFlags
import Testing

/// TR01–TR04 at every boundary: sums at, one centavo under and one over each ceiling; window edges; dated
/// exclusions; members above their own ceiling.
struct SplitBoundaryTests {
    private typealias F = Fixture

    /// Two compras directas to one supplier whose amounts add up to `total`, `gap` days apart.
    private func pair(
        _ first: String, _ second: String, gap: Int = 1, modality: String = "compra_directa_oferta_electronica"
    )
        -> [FlagPurchase]
    {
        [
            F.purchase("1001", F.date(2022, 6, 3), first, modality: modality),
            F.purchase("1002", F.date(2022, 6, 3 + gap), second, modality: modality),
        ]
    }

    @Test(
        "TR02: a sum exactly at the compra-directa ceiling is not flagged; one centavo over is alto",
        arguments: [
            ("45000.00", "45000.00", 0), ("45000.00", "44999.99", 0), ("45000.00", "45000.01", 1),
        ])
    func supplierCeiling(first: String, second: String, expected: Int) throws {
        let run = try F.run(pair(first, second), ids: ["TR02"])
        let flags = F.flags(run, "TR02")
        #expect(flags.count == expected)
        if let flag = flags.first {
            #expect(flag.severity == .alto)
            #expect(flag.amount == F.money("90000.01"))
            #expect(F.references(flag) == ["1001", "1002"])
            #expect(flag.detail.contains("Art. 81"))
        }
    }

    @Test(
        "TR02: baja cuantía parts crossing only Q25,000 are informative; at Q25,000.00 nothing",
        arguments: [("12500.00", "12500.00", 0), ("12500.00", "12500.01", 1), ("12500.00", "12499.99", 0)])
    func bajaCuantiaCeiling(first: String, second: String, expected: Int) throws {
        let run = try F.run(pair(first, second, modality: "baja_cuantia"), ids: ["TR02"])
        let flags = F.flags(run, "TR02")
        #expect(flags.count == expected)
        #expect(flags.allSatisfy { $0.severity == .informativo })
    }

    @Test("TR02: the window includes day W and excludes day W + 1", arguments: [(7, 1), (8, 0), (0, 1)])
    func windowEdge(gap: Int, expected: Int) throws {
        let run = try F.run(
            pair("60000.00", "60000.00", gap: gap), ids: ["TR02"], settings: "[TR02]\nreportar_mismo_dia = false")
        #expect(F.flags(run, "TR02").count == expected)
    }

    @Test("TR02: same-day groups are reported on their own as well")
    func sameDay() throws {
        let run = try F.run(pair("60000.00", "60000.00", gap: 0), ids: ["TR02"])
        let flags = F.flags(run, "TR02")
        #expect(flags.count == 2)
        #expect(flags.contains { $0.subject.id.contains(":mismo-dia:") && $0.severity == .alto })
    }

    @Test("TR02: different suppliers or units never group")
    func keys() throws {
        var purchases = pair("60000.00", "60000.00")
        purchases[1].awards[0].supplierID = "7654321"
        #expect(F.flags(try F.run(purchases, ids: ["TR02"]), "TR02").isEmpty)
        purchases = pair("60000.00", "60000.00")
        purchases[1].unitCode = "100-2"
        #expect(F.flags(try F.run(purchases, ids: ["TR02"]), "TR02").isEmpty)
        // At entity level the two units are one buyer.
        #expect(
            F.flags(try F.run(purchases, ids: ["TR02"], settings: "[TR02]\nnivel = \"entidad\""), "TR02").count == 1)
    }

    @Test("TR02: a member above its own ceiling is left to TR07, and cancelled processes do not count")
    func invalidMembers() throws {
        var purchases = pair("60000.00", "90000.01")
        #expect(F.flags(try F.run(purchases, ids: ["TR02"]), "TR02").isEmpty)
        purchases = pair("60000.00", "60000.00")
        purchases[1].status = "Anulado"
        #expect(F.flags(try F.run(purchases, ids: ["TR02"]), "TR02").isEmpty)
    }

    @Test("TR02: a dated exclusion applies only from its date, evaluated at each purchase's date")
    func datedExclusion() throws {
        let settings = """
            [[exclusiones]]
            tipo = "modalidad"
            valores = ["compra_directa_oferta_electronica"]
            vigente_desde = "2022-06-05"
            fundamento = "prueba"
            """
        // Both purchases before the rule: flagged.
        #expect(F.flags(try F.run(pair("60000.00", "60000.00"), ids: ["TR02"], settings: settings), "TR02").count == 1)
        // The second one on the rule's first day: excluded, so no group.
        let straddling = pair("60000.00", "60000.00", gap: 2)
        #expect(F.flags(try F.run(straddling, ids: ["TR02"], settings: settings), "TR02").isEmpty)
    }

    @Test("TR02: subasta inversa and casos de excepción are never split candidates")
    func excludedModality() throws {
        let settings = "[TR02]\nmodalidades = [\"compra_directa_oferta_electronica\", \"subasta_electronica_inversa\"]"
        let purchases = [
            F.purchase("1001", F.date(2022, 6, 3), "60000.00"),
            F.purchase("1002", F.date(2022, 6, 4), "60000.00", modality: "subasta_electronica_inversa"),
        ]
        let run = try F.run(purchases, ids: ["TR02"], settings: settings)
        #expect(F.flags(run, "TR02").isEmpty)
    }

    @Test("TR02: cuatrimestre windows end on 30 April; ejercicio windows never cross 31 December")
    func calendarWindows() throws {
        let april = [
            F.purchase("1001", F.date(2022, 4, 30), "60000.00"), F.purchase("1002", F.date(2022, 5, 1), "60000.00"),
        ]
        let settings = "[TR02]\nventana = \"cuatrimestre\"\nreportar_mismo_dia = false"
        #expect(F.flags(try F.run(april, ids: ["TR02"], settings: settings), "TR02").isEmpty)
        let may = [
            F.purchase("1001", F.date(2022, 5, 1), "60000.00"), F.purchase("1002", F.date(2022, 8, 31), "60000.00"),
        ]
        #expect(F.flags(try F.run(may, ids: ["TR02"], settings: settings), "TR02").count == 1)
        let december = [
            F.purchase("1001", F.date(2022, 12, 31, hour: 23, minute: 59), "60000.00"),
            F.purchase("1002", F.date(2023, 1, 1, hour: 0, minute: 1), "60000.00"),
        ]
        let yearly = "[TR02]\nventana = \"ejercicio\""
        #expect(F.flags(try F.run(december, ids: ["TR02"], settings: yearly), "TR02").isEmpty)
        #expect(
            F.flags(try F.run(december, ids: ["TR02"], settings: "[TR02]\nventana = 7", year: 2023), "TR02").isEmpty)
    }

    @Test("TR02: overlapping windows merge into one episode whose value is the strongest window")
    func episodes() throws {
        let purchases = (0..<4).map { index in
            F.purchase("10\(index)", F.date(2022, 6, 1 + index * 5), "50000.00")
        }
        let flags = F.flags(try F.run(purchases, ids: ["TR02"]), "TR02")
        #expect(flags.count == 1)
        #expect(flags.first?.evidence.count == 4)
        #expect(flags.first?.amount == F.money("100000.00"))
    }

    @Test("TR02: with cotización included, parts under Q900,000 adding above it are alto")
    func cotizacion() throws {
        let purchases = pair("450000.00", "450000.01", modality: "cotizacion")
        #expect(F.flags(try F.run(purchases, ids: ["TR02"]), "TR02").isEmpty)
        let run = try F.run(purchases, ids: ["TR02"], settings: "[TR02]\nincluir_cotizacion = true")
        #expect(F.flags(run, "TR02").first?.severity == .alto)
        #expect(F.flags(run, "TR02").first?.detail.contains("licitación pública") == true)
    }

    @Test("TR01: parts of one renglón add up by renglón amount; medio alone, alto when they share the supplier")
    func renglon() throws {
        var purchases = [
            F.purchase(
                "1001", F.date(2022, 6, 3), "50000.00", supplier: "1",
                renglones: [("211", "45000.00"), ("291", "5000.00")]),
            F.purchase(
                "1002", F.date(2022, 6, 20), "50000.00", supplier: "2", title: "MANTENIMIENTO DE VEHÍCULOS",
                renglones: [("211", "45000.00")]),
        ]
        // 45,000 + 45,000 on renglón 211 = 90,000.00: not over the ceiling.
        #expect(F.flags(try F.run(purchases, ids: ["TR01"]), "TR01").isEmpty)
        purchases[1].renglones[0].amount = F.money("45000.01")
        let flags = F.flags(try F.run(purchases, ids: ["TR01"]), "TR01")
        #expect(flags.count == 1)
        #expect(flags.first?.severity == .medio)
        #expect(flags.first?.evidence.allSatisfy { $0.renglon == "211" } == true)
        purchases[1].awards[0].supplierID = "1"
        #expect(F.flags(try F.run(purchases, ids: ["TR01"]), "TR01").first?.severity == .alto)
    }

    @Test(
        "TR01: excluded renglones (servicios básicos, grupo 000) never group, and purchases without renglón are noted")
    func renglonExclusions() throws {
        let purchases = [
            F.purchase("1001", F.date(2022, 6, 3), "50000.00", renglones: [("111", "50000.00")]),
            F.purchase("1002", F.date(2022, 6, 4), "50000.00", renglones: [("111", "50000.00")]),
            F.purchase("1003", F.date(2022, 6, 4), "50000.00", renglones: [("029", "50000.00")]),
            F.purchase("1004", F.date(2022, 6, 5), "50000.00", renglones: [("021", "50000.00")]),
            F.purchase("1005", F.date(2022, 6, 5), "50000.00"),
        ]
        let run = try F.run(purchases, ids: ["TR01"])
        #expect(F.flags(run, "TR01").isEmpty)
        #expect(run.indicators.first?.notes.contains { $0.contains("1 compras sin renglón") } == true)
    }

    @Test("TR03: same UNSPSC class or similar titles group; unrelated objects do not")
    func similarObject() throws {
        let frijol = [FlagItem(classificationID: "50221101", description: "Frijol")]
        let purchases = [
            F.purchase(
                "1001", F.date(2022, 6, 1), "60000.00", supplier: "1", title: "FRIJOL PARA HOGARES", items: frijol),
            F.purchase("1002", F.date(2022, 6, 25), "60000.00", supplier: "2", title: "GRANOS BASICOS", items: frijol),
            F.purchase(
                "1003", F.date(2022, 6, 26), "60000.00", supplier: "3", title: "SILLAS DE RUEDAS",
                items: [FlagItem(classificationID: "42211502", description: "Silla")]),
        ]
        let flags = F.flags(try F.run(purchases, ids: ["TR03"]), "TR03")
        #expect(flags.count == 1)
        #expect(flags.first.map(F.references) == ["1001", "1002"])
        #expect(flags.first?.severity == .alto)
    }

    @Test(
        "TR03: titles exactly at the similarity threshold group, just under do not",
        arguments: [
            // 3 shared words of 5 distinct = 0.6 → same object.
            ("ARROZ FRIJOL AZUCAR ACEITE", "ARROZ FRIJOL AZUCAR SAL", 1),
            // 3 of 6 = 0.5 → not.
            ("ARROZ FRIJOL AZUCAR ACEITE", "ARROZ FRIJOL AZUCAR SAL HARINA", 0),
        ])
    func similarityThreshold(first: String, second: String, expected: Int) throws {
        let purchases = [
            F.purchase("1001", F.date(2022, 6, 1), "60000.00", supplier: "1", title: first),
            F.purchase("1002", F.date(2022, 6, 2), "60000.00", supplier: "2", title: "ADQUISICIÓN DE " + second),
        ]
        #expect(F.flags(try F.run(purchases, ids: ["TR03"]), "TR03").count == expected)
    }

    @Test(
        "TR04: yearly direct purchases to one supplier: at Q90,000.00 nothing, one centavo over medio, over Q900,000 alto",
        arguments: [
            (["30000.00", "30000.00", "30000.00"], RedFlagSeverity?.none),
            (["30000.00", "30000.00", "30000.01"], .medio),
            (["30000.00", "30000.00"], nil),
        ])
    func yearly(amounts: [String], expected: RedFlagSeverity?) throws {
        let purchases = amounts.enumerated().map { index, amount in
            F.purchase("20\(index)", F.date(2022, 2 + index * 3, 10), amount)
        }
        #expect(F.flags(try F.run(purchases, ids: ["TR04"]), "TR04").first?.severity == expected)
    }

    @Test("TR04: above the cotización ceiling in the year is alto")
    func yearlyHigh() throws {
        let purchases = (0..<11).map { index in
            F.purchase("30\(index)", F.date(2022, 1 + index, 10), index == 0 ? "82000.01" : "81800.00")
        }
        let flag = try #require(F.flags(try F.run(purchases, ids: ["TR04"]), "TR04").first)
        #expect(flag.amount == F.money("900000.01"))
        #expect(flag.severity == .alto)
    }
}
