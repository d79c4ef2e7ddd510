import Domain
import Formats
import Foundation
import TestSupport
import Testing

@testable import Importers

/// A row's cells read from bytes (``Formats/CSVByteRecord``) say what the same cells read as strings
/// (``Formats/CSVRecord``) say, cell by cell and through the whole execution parser.
struct ExecutionRowTests {
    /// Cells whose trimming is easy to get wrong, with their text trimmed and what `withTrimmedBytes` hands over
    /// (nil: an end after trimming spaces and tabs is not ASCII, and only the text can tell).
    private static let cells: [(cell: String, trimmed: String?, trimmedBytes: String?)] = [
        ("", "", ""), (" ", "", ""), ("\t", "", ""), ("  011 ", "011", "011"), ("\u{00A0}011", "011", nil),
        ("011\u{00A0}", "011", nil), (" Ñandú ", "Ñandú", nil), ("a\u{0301} ", "a\u{0301}", nil),
        // Whatever Foundation makes of a space that a combining accent follows, both rows must make the same.
        (" \u{0301}a", nil, nil), ("\u{2003}x\u{2003}", "x", nil), ("1,234.56", "1,234.56", "1,234.56"),
        (" -5.00\t", "-5.00", "-5.00"), ("x y", "x y", "x y"), ("\u{00A0}\t ", "", nil), ("\t7 \u{00A0}", "7", nil),
    ]

    /// The cells as one `;`-separated line of a UTF-8 file, each quoted, read back as bytes.
    private static func byteRow(_ cells: [String], in directory: TemporaryDirectory) throws -> CSVByteRecord {
        let line = cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";")
        let url = try directory.write("fila.csv", text: line + "\n")
        let reader = try CSVReader(url: url, delimiter: UInt8(ascii: ";"))
        let row = try #require(try reader.nextBytes())
        #expect(try reader.nextBytes() == nil)
        return row
    }

    private static func trimmedBytes(_ row: some ExecutionRow, _ column: Int) -> [UInt8]? {
        row.withTrimmedBytes(column) { $0.map(Array.init) }
    }

    @Test("each tricky cell trims and reads blank from bytes exactly as Whitespace does on its text")
    func cellsAgreeWithWhitespace() throws {
        let directory = try TemporaryDirectory()
        let cells = Self.cells.map(\.cell)
        let bytes = try Self.byteRow(cells, in: directory)
        let text = CSVRecord(line: 1, fields: cells)
        try #require(bytes.cellCount == cells.count)
        #expect(text.cellCount == cells.count)
        for (column, expected) in Self.cells.enumerated() {
            let cell = expected.cell
            let label = "cell \(column) «\(cell.debugDescription)»"
            #expect(bytes.cell(column) == cell, "\(label)")
            #expect(bytes.trimmed(column) == Whitespace.trimmed(cell), "\(label)")
            #expect(text.trimmed(column) == Whitespace.trimmed(cell), "\(label)")
            if let trimmed = expected.trimmed { #expect(bytes.trimmed(column) == trimmed, "\(label)") }
            #expect(bytes.isBlank(column) == Whitespace.isBlank(cell), "\(label)")
            #expect(text.isBlank(column) == Whitespace.isBlank(cell), "\(label)")
            #expect(bytes.withCellBytes(column) { Array($0) } == Array(cell.utf8), "\(label)")
            #expect(text.withCellBytes(column) { Array($0) } == Array(cell.utf8), "\(label)")

            let handed = Self.trimmedBytes(bytes, column)
            #expect(handed == expected.trimmedBytes.map { Array($0.utf8) }, "\(label)")
            #expect(Self.trimmedBytes(text, column) == handed, "\(label)")
            if let handed { #expect(handed == Array(Whitespace.trimmed(cell).utf8), "\(label)") }
        }
    }

    @Test("a column beyond the row's end reads as an empty, blank cell in both kinds of row")
    func beyondTheEnd() throws {
        let directory = try TemporaryDirectory()
        let bytes = try Self.byteRow(["011", " x "], in: directory)
        let text = CSVRecord(line: 1, fields: ["011", " x "])
        for column in [2, 3, 40] {
            #expect(bytes.cell(column) == "" && text.cell(column) == "")
            #expect(bytes.trimmed(column) == "" && text.trimmed(column) == "")
            #expect(bytes.isBlank(column) && text.isBlank(column))
            #expect(Self.trimmedBytes(bytes, column) == [] && Self.trimmedBytes(text, column) == [])
            #expect(bytes.withCellBytes(column) { $0.count } == 0)
        }
        #expect(!bytes.isBlank(1) && bytes.trimmed(1) == "x")
        #expect(bytes.cells(padding: 4) == ["011", " x ", "", ""])
        #expect(text.cells(padding: 4) == ["011", " x ", "", ""])
    }

    // MARK: - Through the parser

    private static let header = [
        "EJERCICIO", "ENTIDAD", "UNIDAD EJECUTORA", "PROGRAMA", "SUBPROGRAMA", "PROYECTO", "ACTIVIDAD", "OBRA",
        "RENGLÓN", "FUENTE", "UBICACIÓN GEOGRÁFICA", "ASIGNADO", "MODIFICADO", "VIGENTE", "COMPROMETIDO",
        "DEVENGADO", "PAGADO", "DEVENGADO_ENERO", "DEVENGADO_FEBRERO",
    ]

    /// `count` empty cells but for `changes`.
    private static func cells(_ count: Int, _ changes: [Int: String]) -> [String] {
        var cells = Array(repeating: "", count: count)
        for (column, text) in changes { cells[column] = text }
        return cells
    }

    /// A valid detail row of actividad `actividad`, with some cells written otherwise (as they go in the file).
    private static func row(_ actividad: Int, renglon: String = "211", _ changes: [Int: String] = [:]) -> String {
        var cells = [
            "2022", "11130016", "208", "11", "00", "000", String(format: "%03d", actividad), "000", renglon, "11",
            "0101", "1,000.00", "0.00", "1,000.00", "800.00", "600.00", "500.00", "200.00", "400.00",
        ]
        for (column, text) in changes { cells[column] = text }
        return cells.joined(separator: ";")
    }

    /// The file's lines from line 2 on (line 1 is the header); the comment on each says what its row is.
    private static let body: [String] = [
        row(1),  // 2: accepted
        row(2, [1: "  11130016 ", 2: "\t208", 3: " 11\t", 11: " 1,000.00 ", 17: "\t200.00"]),  // 3: spaces, tabs
        // 4: no-break and em spaces around codes and amounts
        row(3, [1: "\u{00A0}11130016", 10: "0101\u{00A0}", 13: "1,000.00\u{00A0}", 18: "\u{2003}400.00"]),
        row(4, [11: "\"1,000.00\"", 13: "\" 1,000.00 \"", 15: "\"600.00\""]),  // 5: quoted amounts
        row(5, [11: "Q1,000.00", 13: "\"Q1,000.00\""]),  // 6: Q prefix
        row(6, [12: "(300.00)", 13: "700.00", 14: "700.00"]),  // 7: accounting negative
        row(7, [11: "12,34.5"]),  // 8: bad amount: rejected
        row(8, renglon: "211 - Alimentos para personas"),  // 9: a code with its name
        row(9, renglon: "21A"),  // 10: invalid code: rejected
        row(1),  // 11: duplicate of line 2: rejected
        row(10, [16: "900.00"]),  // 12: pagado beyond devengado, found once the key is made: rejected
        row(10),  // 13: same key as the rejected line 12: accepted
        row(11, [15: "6OO.00"]),  // 14: bad amount: rejected
        row(11),  // 15: same key as the rejected line 14: accepted
        "",  // 16: blank line
        String(repeating: ";", count: header.count - 1),  // 17: empty cells only
        // 18: whitespace only
        ([" ", "\t", "\u{00A0}", " "] + Array(repeating: "", count: header.count - 4)).joined(separator: ";"),
        row(12).split(separator: ";").prefix(17).joined(separator: ";"),  // 19: short row without months
        row(13).split(separator: ";").prefix(9).joined(separator: ";"),  // 20: short row, its amounts zero
        row(14, renglon: " 029 – Otras remuneraciones "),  // 21: padded code and name after an en dash
        row(15, [17: "1,234.5x"]),  // 22: bad monthly amount: rejected
        row(16, [11: "-5.00", 13: "-5.00"]),  // 23: negative asignado, found once the key is made: rejected
        row(16),  // 24: same key as the rejected line 23: accepted
        row(17, [11: "1.234"]),  // 25: a third decimal: rejected
        row(18, renglon: "\t211\t"),  // 26: tab-padded renglón
        row(19, renglon: "011\u{00A0}"),  // 27: renglón with a no-break space after it
        row(20, [14: "   "]),  // 28: blank comprometido reads as zero, below devengado: rejected
        cells(header.count, [0: " Total general ", 11: "\"9,999.00\""]).joined(separator: ";"),  // 29: totals row
        row(21),  // 30: after the totals row
        row(22, [0: "2022 ", 6: " 022"]),  // 31: padded year
        // 32: em and no-break spaces after a code and around monthly amounts
        row(23, [1: "11130016\u{2003}", 17: "200.00\u{00A0}", 18: "\u{00A0}400.00"]),
    ]

    private static func writeFile(in directory: TemporaryDirectory) throws -> URL {
        try directory.write(
            "ejecucion.csv", text: ([header.joined(separator: ";")] + body).joined(separator: "\r\n") + "\r\n")
    }

    /// Reads the file through the text path: every record after the header as strings, into the parser.
    private static func readAsText(_ url: URL) throws -> (ExecutionScan, [BudgetLine]) {
        let reader = try CSVReader(url: url)
        let format = "CSV (\(reader.dialect.encoding.displayName), \(reader.dialect.delimiterName))"
        let header = try #require(try reader.next())
        #expect(header.fields == Self.header)
        var lines: [BudgetLine] = []
        let scan = try ExecutionImporter.readRows(
            header: header.fields, file: url.lastPathComponent, options: ExecutionImportOptions(), format: format,
            rows: ExecutionRowSink(totalsFilters: [], each: { lines.append($0) })
        ) { try reader.next().map { (fields: $0.fields, line: $0.line) } }
        return (scan, lines)
    }

    @Test("a file read from bytes gives the lines, diagnostics and counts of the same file read as strings")
    func bytesAndTextAgree() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.writeFile(in: directory)
        let read = try ExecutionImporter.read(url)
        var streamed: [BudgetLine] = []
        let byteScan = try ExecutionImporter.stream(url) { streamed.append($0) }
        let (textScan, textLines) = try Self.readAsText(url)

        #expect(read.formatDescription == "CSV (UTF-8, punto y coma)")
        #expect(byteScan == textScan)
        #expect(streamed == textLines)
        #expect(read.snapshot?.lines == textLines)
        #expect(read.diagnostics == textScan.diagnostics)
        #expect(read.rowsRead == textScan.rowsRead && read.rowsRejected == textScan.rowsRejected)
        #expect(read.totalsRows == textScan.totalsRows && read.totalsRows == 1)
        #expect(read.hasFileLevelErrors == textScan.hasFileLevelErrors)
        #expect(read.formatDescription == textScan.formatDescription)
        // Not a comparison of two empty results: the file has accepted and rejected rows both.
        #expect(textLines.count >= 15 && textScan.rowsRejected >= 7)
        #expect(textScan.rowsRead == textScan.linesAccepted + textScan.rowsRejected)
    }

    @Test("padded, quoted and prefixed cells read to their codes and amounts; bad rows are rejected")
    func rowsReadAsExpected() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.writeFile(in: directory)
        let result = try ExecutionImporter.read(url)
        let lines = try #require(result.snapshot?.lines)
        func line(_ number: Int) -> BudgetLine? { lines.first { $0.sourceLine == number } }
        func errors(_ number: Int) -> [Diagnostic] {
            result.diagnostics.filter { $0.line == number && $0.severity == .error }
        }
        let rejected = [8, 10, 11, 12, 14, 22, 23, 25, 28]
        for number in rejected {
            #expect(line(number) == nil, "line \(number)")
            #expect(!errors(number).isEmpty, "line \(number)")
        }
        for number in [2, 3, 4, 5, 6, 7, 9, 13, 15, 19, 20, 21, 24, 26, 27, 30, 31, 32] {
            #expect(line(number) != nil, "line \(number): \(result.diagnostics.filter { $0.line == number })")
        }
        #expect(result.rowsRejected >= rejected.count)

        let expectedAmounts = ExecutionAmounts(
            asignado: Money(quetzales: 1_000), modificado: .zero, vigente: Money(quetzales: 1_000),
            comprometido: Money(quetzales: 800), devengado: Money(quetzales: 600), pagado: Money(quetzales: 500),
            devengadoMensual: [1: Money(quetzales: 200), 2: Money(quetzales: 400)])
        let plain = try #require(line(2))
        for number in [3, 4, 5, 6, 32] {
            let padded = try #require(line(number))
            #expect(padded.amounts == expectedAmounts, "line \(number)")
            #expect(padded.key.structure.entidad == "11130016", "line \(number)")
            #expect(padded.key.structure.unidadEjecutora == "208", "line \(number)")
            #expect(padded.key.structure.programa == "11", "line \(number)")
            #expect(padded.key.ubicacionGeografica == "0101", "line \(number)")
        }
        #expect(plain.amounts == expectedAmounts)
        #expect(line(7)?.amounts.modificado == Money(quetzales: -300))
        #expect(line(7)?.amounts.vigente == Money(quetzales: 700))
        #expect(line(9)?.key.renglon.rawValue == "211")
        #expect(line(9)?.names["renglon"] == "Alimentos para personas")
        #expect(line(21)?.key.renglon.rawValue == "029")
        #expect(line(21)?.names["renglon"] == "Otras remuneraciones")
        #expect(line(26)?.key.renglon.rawValue == "211")
        #expect(line(27)?.key.renglon.rawValue == "011")
        #expect(line(31)?.key.structure.actividad == "022")
        #expect(line(19)?.amounts.devengadoMensual.isEmpty == true)
        #expect(line(19)?.amounts.asignado == Money(quetzales: 1_000))
        let short = try #require(line(20))
        #expect(short.amounts.asignado == .zero && short.amounts.vigente == .zero && short.amounts.devengado == .zero)
        #expect(short.key.fuente == nil && short.key.ubicacionGeografica == nil)
        #expect(errors(10).contains { $0.message.contains("«21A»") })
        #expect(errors(28).contains { $0.message.contains("supera el comprometido") })
    }

    @Test("a rejected row does not claim its key: a later row with that key is accepted, a duplicate names line 2")
    func rejectedRowsClaimNoKey() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.writeFile(in: directory)
        let result = try ExecutionImporter.read(url)
        let lines = try #require(result.snapshot?.lines)
        let duplicate = result.diagnostics.filter { $0.message.contains("duplicada") }
        #expect(duplicate.map(\.line) == [11])
        #expect(duplicate.first?.message.contains("la misma clave ya está en la línea 2") == true)
        #expect(result.diagnostics.contains { $0.line == 12 && $0.message.contains("pagado") })
        #expect(result.diagnostics.contains { $0.line == 23 && $0.message.contains("negativo") })
        for (rejected, accepted) in [(12, 13), (14, 15), (23, 24)] {
            let later = try #require(lines.first { $0.sourceLine == accepted }, "line \(accepted)")
            #expect(!lines.contains { $0.sourceLine == rejected })
            #expect(!result.diagnostics.contains { $0.line == accepted }, "line \(accepted)")
            #expect(lines.filter { $0.key == later.key }.count == 1)
        }
    }
}
