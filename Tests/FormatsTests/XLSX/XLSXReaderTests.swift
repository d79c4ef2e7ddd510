import Foundation
import TestSupport
import Testing

@testable import Formats

struct XLSXReaderTests {
    private func rows(_ url: URL, sheet: String? = nil) throws -> (String, [CSVRecord]) {
        try XLSXReader.withSheet(url: url, sheet: sheet) { reader in
            var result: [CSVRecord] = []
            while let row = try reader.next() { result.append(row) }
            return (reader.sheetName, result)
        }
    }

    @Test("follows relationships to a sheet chosen by name and reads every kind of cell")
    func readsNamedSheet() throws {
        let directory = try TemporaryDirectory()
        let url = try XLSXFixture.write(in: directory)
        let (name, rows) = try rows(url, sheet: "adjudicaciones")
        #expect(name == "Adjudicaciones")
        #expect(rows.map(\.line) == [2, 3, 6])  // row 4 is empty and row 5 holds only an empty string
        #expect(rows[0].fields == ["NOG CONCURSO", "", "DESCRIPCIÓN"])
        #expect(rows[1].fields == ["17284561", "2022-03-14", " HOGARES NIÃ‘OS ", "186450.5", "2022-04-22T15:36:00"])
        #expect(rows[2].fields.count == 27)
        #expect(rows[2].fields[26] == "TRUE")
    }

    @Test("without a sheet name the first sheet is read")
    func firstSheet() throws {
        let directory = try TemporaryDirectory()
        let url = try XLSXFixture.write(in: directory)
        let (name, rows) = try rows(url)
        #expect(name == "Resumen")
        #expect(rows.map(\.fields) == [["solo resumen"]])
    }

    @Test("an unknown sheet name lists the sheets that exist")
    func unknownSheet() throws {
        let directory = try TemporaryDirectory()
        let url = try XLSXFixture.write(in: directory)
        let error = try #require(throws: FormatsError.self) { try rows(url, sheet: "Hoja9") }
        #expect(error.errorDescription?.contains("Resumen, Adjudicaciones") == true)
    }

    @Test("a shared-strings part with an external entity is refused")
    func xxeInSharedStrings() throws {
        let directory = try TemporaryDirectory()
        let hostile = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si></sst>
            """
        let url = try XLSXFixture.write(in: directory, replacing: ["xl/textos.xml": hostile])
        let error = try #require(throws: FormatsError.self) { try rows(url, sheet: "Adjudicaciones") }
        guard case .xmlForbidden(_, let part, _, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(part == "xl/textos.xml")
    }

    @Test("a workbook without its relationships part is not an XLSX")
    func missingRelationships() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("roto.xlsx")
        try ZipFixture.write([("xl/workbook.xml", Data(XLSXFixture.workbook.utf8))], to: url)
        #expect(throws: FormatsError.self) { try rows(url) }
    }

    @Test(
        "date format codes are told apart from number formats",
        arguments: [
            ("dd/mm/yyyy", true), ("m/d/yy h:mm", true), ("#,##0.00", false), ("\"Q\"#,##0.00", false),
            ("[Red]0.00", false), ("0.00\\ \"días\"", false),
        ])
    func dateFormats(code: String, isDate: Bool) {
        #expect(XLSXStyles.isDateFormat(code) == isDate)
    }
}
