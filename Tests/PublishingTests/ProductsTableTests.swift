import Domain
import Foundation
import Publishing
import TestSupport
import Testing

struct ProductsTableTests {
    private let metas = Metas(
        products: [
            SampleValues.product("P01", unit: "Documento", meta: 12, quetzales: 29_634_540),
            SampleValues.product("P02", meta: 17050, quetzales: 102_153_732, actividad: "002"),
        ],
        subproducts: [SampleValues.subproduct("P02-01", of: "P02", meta: 17050)])

    @Test("writes the products table as open-data CSV (golden)")
    func csv() throws {
        let text = CSVTableWriter.render(try ProductsTable.build(metas, title: "t"))
        #expect(text == (try Golden.text("productos.csv", actual: text)))
    }

    @Test("writes the products table as JSON with exact numbers and codes as text (golden)")
    func json() throws {
        let text = JSONTableWriter.render(try ProductsTable.build(metas, title: "t"))
        #expect(text == (try Golden.text("productos.json", actual: text)))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 3)
        #expect(decoded?.first?["actividad"] as? String == "001")
    }

    @Test("totals sum the budget and the goals per unit")
    func totals() throws {
        let table = try ProductsTable.build(metas, title: "t")
        let totals = try #require(table.totals.first)
        #expect(totals.contains(.money(Money(quetzales: 131_788_272))))
        #expect(totals.contains(.text("17,050 Persona · 12 Documento")))
        #expect(TextTableRenderer.render(table).contains("Q131,788,272.00"))
    }

    @Test("the screen leaves out the provenance columns the data carry (the title says them)")
    func screenWithoutProvenance() throws {
        let table = try ProductsTable.build(metas, title: "t", month: 3)
        let screen = TextTableRenderer.render(table)
        #expect(CSVTableWriter.render(table).hasPrefix("ejercicio,mes,entidad,direccion_codigo"))
        #expect(CSVTableWriter.render(table).contains("\r\n2022,3,11130016,DP01,"))
        let header = try #require(screen.split(separator: "\n").dropFirst().first)
        #expect(header.hasPrefix("direccion_codigo"))
        #expect(!header.contains("ejercicio") && !header.contains("mes"))
    }

    @Test("executed goals add meta_ejecutada, corte and avance_fisico (exact, two decimals); others stay empty")
    func executedColumns() throws {
        var withProgress = metas
        withProgress.executed = [
            ExecutedGoal(ejercicio: 2022, code: "P02", mes: 8, cantidad: 11_200),
            ExecutedGoal(ejercicio: 2022, code: "P02-01", mes: 8, cantidad: Decimal(string: "11200.5") ?? 0),
        ]
        let table = try ProductsTable.build(withProgress, title: "t")
        let names = table.columns.map(\.name)
        let meta = try #require(names.firstIndex(of: "meta_fisica"))
        #expect(Array(names[meta...].prefix(4)) == ["meta_fisica", "meta_ejecutada", "corte", "avance_fisico"])
        let csv = CSVTableWriter.render(table).split(separator: "\r\n").map(String.init)
        #expect(csv.contains { $0.contains(",P02,,") && $0.contains(",17050,11200,2022-08,65.69,") })
        #expect(csv.contains { $0.contains(",P02-01,P02,") && $0.contains(",17050,11200.5,2022-08,65.69,") })
        #expect(csv.contains { $0.contains(",P01,,") && $0.contains(",12,,,,") })
        let totals = try #require(table.totals.first)
        #expect(totals[names.firstIndex(of: "meta_ejecutada") ?? 0] == .text("11,200 Persona"))
        #expect(TextTableRenderer.render(table).contains("65.69"))
    }
}
