import Formats
import Foundation
import TestSupport
import Testing

struct DelimiterSnifferTests {
    /// A SICOIN report: title rows without separators, then `;` rows whose amounts in millions hold more
    /// thousands commas than the row holds semicolons.
    static let sicoinMillions = """
        MINISTERIO DE FINANZAS PUBLICAS
        REPORTE R00804768 - EJECUCION PRESUPUESTARIA, CORTE AL 31/12/2022

        EJERCICIO;ENTIDAD;RENGLON;ASIGNADO;VIGENTE;DEVENGADO;PAGADO
        2022;12100401;011;1,234,567,890.12;1,234,567,890.12;1,111,111,111.11;1,000,000,000.00
        2022;12100401;015;12,345,678.90;12,345,678.90;11,111,111.11;10,000,000.00
        2022;12100401;111;2,345,678.90;2,345,678.90;2,111,111.11;2,000,000.00

        """

    private func sniff(_ text: String, complete: Bool = true) -> UInt8? {
        DelimiterSniffer.sniff(Array(text.utf8), complete: complete)
    }

    @Test("a ';' file with title rows and million amounts with thousands commas is ';'")
    func semicolonWithThousandsCommas() {
        #expect(sniff(Self.sicoinMillions) == UInt8(ascii: ";"))
        #expect(sniff(Self.sicoinMillions, complete: false) == UInt8(ascii: ";"))
    }

    @Test("a comma file with quoted amounts and a quoted ';' is ','")
    func commaWithQuotes() {
        let text = #"""
            Reporte de ejecución
            ejercicio,entidad,renglon,nombre,vigente
            2022,11130016,211,"Alimentos; para personas","1,000,000.00"
            2022,11130016,029,"Otras ""remuneraciones""","2,500,000.00"

            """#
        #expect(sniff(text) == UInt8(ascii: ","))
    }

    @Test("a tab file is tab, and a one-column file has no separator")
    func tabAndNone() {
        #expect(sniff("a\tb\tc\n1\t2,5\t3\n4\t5\t6\n") == UInt8(ascii: "\t"))
        #expect(sniff("solo\nuna\ncolumna\n") == nil)
    }

    @Test("a ',' file whose every field is quoted, with a quoted ';' on every row and ragged rows, is ','")
    func quotedSemicolonsInEveryRow() {
        // The shape of a sheet converted from an XLSX that flatten-tool wrote: trailing empty cells left out, and
        // list values joined with `;` (`"tender;award"`).
        var text = "\"1\",\"id\",\"ocid\",\"tag\",\"tender/title\",\"tender/status\"\n"
        for row in 2...30 {
            text += "\"\(row)\",\"r\(row)\",\"ocds-\(row)\",\"tender;award\",\"COMPRA \(row)\""
            text += row % 2 == 0 ? ",\"complete\"\n" : "\n"
        }
        #expect(sniff(text) == UInt8(ascii: ","))
    }

    @Test("a quoted line break does not end a record")
    func quotedLineBreak() {
        let text = "a;b;c\n1;\"dos,\nlíneas, con, comas\";3\n4;5;6\n"
        #expect(sniff(text) == UInt8(ascii: ";"))
    }

    @Test("CSVReader reads a ';' file with titles and million amounts as ';'")
    func readerUsesSniffer() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("r00804768.csv", Data(Self.sicoinMillions.unicodeScalars.map { UInt8($0.value) }))
        let reader = try CSVReader(url: url)
        #expect(reader.dialect.delimiter == UInt8(ascii: ";"))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(
            records.last?.fields == [
                "2022", "12100401", "111", "2,345,678.90", "2,345,678.90", "2,111,111.11", "2,000,000.00",
            ])
    }
}
