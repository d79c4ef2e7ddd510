import Domain
import Foundation
import Ledger
import Publishing
import TestSupport
import Testing

/// The two ways CSV is written (open data, Excel in es-GT), JSON and JSON Lines.
struct FormatProfileTests {
    private let table = DataTable(
        name: "x", title: "x",
        columns: [
            DataColumn("texto"), DataColumn("monto", .number), DataColumn("cuenta", .integer), DataColumn("codigo"),
        ],
        rows: [
            [.text("=HYPERLINK(\"http://x\")"), .money(Money(centavos: -150)), .integer(-3), .text("011")],
            [.text("a, b; c"), .decimal(Decimal(string: "12.5") ?? 0), .integer(3), .text("-5")],
            [.text("@SUM(A1)"), .percent(Decimal(string: "84.8") ?? 0), .empty, .text("+502")],
            [.text("\tcon tab"), .empty, .integer(0), .text("línea 1\nlínea 2")],
        ])

    @Test("the open profile keeps every value as it is: commas, decimal points, CRLF, RFC 4180 quotes")
    func openProfile() {
        #expect(
            CSVTableWriter.render(table) == """
                texto,monto,cuenta,codigo\r
                "=HYPERLINK(""http://x"")",-1.50,-3,011\r
                "a, b; c",12.5,3,-5\r
                @SUM(A1),84.80,,+502\r
                \tcon tab,,0,"línea 1
                línea 2"\r

                """)
    }

    @Test("the excel profile separates with ';', writes decimal commas and neutralizes formulas with an apostrophe")
    func excelProfile() {
        #expect(
            CSVTableWriter.render(table, profile: .excel) == """
                texto;monto;cuenta;codigo\r
                "'=HYPERLINK(""http://x"")";-1,50;-3;011\r
                "a, b; c";12,5;3;'-5\r
                '@SUM(A1);84,80;;'+502\r
                '\tcon tab;;0;"línea 1
                línea 2"\r

                """)
    }

    @Test("JSON writes numbers from their exact text, codes as strings and empty cells as null")
    func json() throws {
        let text = JSONTableWriter.render(table)
        #expect(
            text.hasPrefix(
                "[\n  {\"texto\": \"=HYPERLINK(\\\"http://x\\\")\", \"monto\": -1.50, \"cuenta\": -3, \"codigo\": \"011\"},\n"
            ))
        #expect(
            text.contains(
                "{\"texto\": \"\\tcon tab\", \"monto\": null, \"cuenta\": 0, \"codigo\": \"línea 1\\nlínea 2\"}\n]\n"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(decoded.count == 4)
        let lines = JSONTableWriter.renderLines(table).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    @Test("an excel export writes files with a BOM, ';' and decimal commas; its JSON stays standard")
    func excelFiles() throws {
        let directory = try TemporaryDirectory()
        let ledger = try ExportFixture.ledger()
        try ExportFixture.export(ledger, to: directory.url, format: .excel, datasets: [.ejecucionPorGrupo, .compras])
        let bytes = try Data(contentsOf: directory.file("ejecucion_por_grupo.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("ejercicio;mes;fecha_corte;entidad;grupo;nombre;asignado;vigente;"))
        #expect(
            text.contains(
                "\r\n2022;12;2022-12-31;11130016;100;Servicios No Personales;100000,00;90000,00;;3840,00;3840,00;4,27\r\n"
            ))
        let json = try ExportFixture.read(directory.file("ejecucion_por_grupo.json"))
        #expect(json.contains("\"asignado\": 100000.00, \"vigente\": 90000.00"))
        let descriptor = try ExportFixture.read(directory.file("datapackage.json"))
        #expect(descriptor.contains("\"encoding\": \"utf-8-sig\""))
        #expect(descriptor.contains("\"delimiter\": \";\""))
        #expect(descriptor.contains("\"decimalChar\": \",\""))
    }

    @Test("--jsonl writes one object per line in .jsonl files and the descriptor says so")
    func jsonLines() throws {
        let directory = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: directory.url, jsonLines: true, datasets: [.compras])
        let lines = try ExportFixture.read(directory.file("compras.jsonl")).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[0].hasPrefix("{\"ejercicio\": 2022, \"mes\": 3, \"entidad\": \"11130016\", \"nog\": \"16299514\""))
        #expect(!FileManager.default.fileExists(atPath: directory.file("compras.json").path))
        #expect(try ExportFixture.read(directory.file("datapackage.json")).contains("\"format\": \"jsonl\""))
    }
}
