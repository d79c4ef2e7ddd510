import Formats
import Foundation
import TestSupport
import Testing

/// A record read as bytes (``CSVByteRecord``) says what the same record read as strings (``CSVRecord``) says, and
/// what decoding each field's raw bytes in the file's encoding gave before records were bytes.
struct CSVByteRecordTests {
    /// The logical records of the test files, after a comment line; `{d}` stands for the delimiter.
    private static let records: [[String]] = [
        ["Año", "Descripción", "Monto", "Nota", "", ""],
        ["011", "texto{d} con separador", "€ 1,234.56", "dice \"hola\"", "x", ""],
        ["212", "línea uno\nlínea dos", "", "a\nb", "", ""],
        ["#12", "“cita” – Ñandú\u{00A0}á", "0.00", "", "\"\"", ""],
        ["", "", "", "", "", ""],
    ]

    /// One way of writing the records: the encoding and the delimiter.
    struct Shape: Sendable, CustomTestStringConvertible {
        var encoding: TextEncoding
        var delimiter: Character
        var testDescription: String { "\(encoding.displayName), «\(delimiter)»" }
    }

    static let shapes = [
        Shape(encoding: .utf8, delimiter: ","), Shape(encoding: .utf8, delimiter: ";"),
        Shape(encoding: .utf8BOM, delimiter: ";"), Shape(encoding: .windows1252, delimiter: ";"),
        Shape(encoding: .windows1252, delimiter: ","),
    ]

    /// Windows-1252 bytes of the characters beyond Latin-1 the records use.
    private static let windows1252High: [Unicode.Scalar: UInt8] = ["€": 0x80, "“": 0x93, "”": 0x94, "–": 0x96]

    /// A text's bytes in an encoding (Windows-1252 only for the characters the records use).
    private static func encode(_ text: String, _ encoding: TextEncoding) -> [UInt8] {
        guard encoding == .windows1252 else { return Array(text.utf8) }
        return text.unicodeScalars.map { scalar -> UInt8 in
            if let byte = windows1252High[scalar] { return byte }
            #expect(scalar.value < 0x100, "«\(scalar)»")
            return UInt8(truncatingIfNeeded: scalar.value)
        }
    }

    /// A file written from the records, with what each record's fields were in the file's encoding (the raw bytes
    /// the reader once decoded one field at a time) and the line where each record starts.
    private struct Written {
        var url: URL
        var fields: [[[UInt8]]] = []
        var lines: [Int] = []
        var texts: [[String]] = []
    }

    /// Writes the records after a comment line, with a blank line after the header, records ending in CRLF and
    /// LF by turns, the first field always quoted (an empty one as `""`), other fields quoted when they must be,
    /// line breaks inside quotes written as CRLF in the second column and LF elsewhere, and no newline at the end.
    private static func write(_ shape: Shape, in directory: TemporaryDirectory) throws -> Written {
        let delimiter = encode(String(shape.delimiter), .utf8)
        var data: [UInt8] = shape.encoding == .utf8BOM ? [0xEF, 0xBB, 0xBF] : []
        data += encode("# título{d} con separador\n".replacingOccurrences(of: "{d}", with: ";"), shape.encoding)
        var written = Written(url: directory.file("x.csv"))
        for (index, record) in records.enumerated() {
            written.lines.append(data.count(where: { $0 == UInt8(ascii: "\n") }) + 1)
            let texts = record.map { $0.replacingOccurrences(of: "{d}", with: String(shape.delimiter)) }
            written.texts.append(texts)
            var raw: [[UInt8]] = []
            for (column, text) in texts.enumerated() {
                let newline = column == 1 ? "\r\n" : "\n"
                let field = encode(text.replacingOccurrences(of: "\n", with: newline), shape.encoding)
                // A CRLF inside quotes is read as LF: the raw field the old reading decoded had LF only.
                raw.append(encode(text, shape.encoding))
                if column > 0 { data += delimiter }
                let special = field.contains { $0 == delimiter[0] || $0 == UInt8(ascii: "\"") || $0 == 0x0A }
                if column == 0 || special {
                    data.append(UInt8(ascii: "\""))
                    for byte in field {
                        data.append(byte)
                        if byte == UInt8(ascii: "\"") { data.append(byte) }
                    }
                    data.append(UInt8(ascii: "\""))
                } else {
                    data += field
                }
            }
            written.fields.append(raw)
            if index < records.count - 1 { data += index % 2 == 0 ? [0x0D, 0x0A] : [0x0A] }
            if index == 0 { data += [0x0A, 0x0D, 0x0A] }
        }
        try directory.write("x.csv", Data(data))
        return written
    }

    private static func readBytes(_ url: URL) throws -> (CSVDialect, [CSVByteRecord]) {
        let reader = try CSVReader(url: url, commentPrefix: "#")
        var records: [CSVByteRecord] = []
        while let record = try reader.nextBytes() { records.append(record) }
        return (reader.dialect, records)
    }

    private static func readStrings(_ url: URL) throws -> [CSVRecord] {
        let reader = try CSVReader(url: url, commentPrefix: "#")
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test(
        "every field read as bytes is the string read as a record and the file's raw field decoded",
        arguments: shapes)
    func sameAsRecordsAndOldDecoding(shape: Shape) throws {
        let directory = try TemporaryDirectory()
        let written = try Self.write(shape, in: directory)
        let (dialect, bytes) = try Self.readBytes(written.url)
        let strings = try Self.readStrings(written.url)
        #expect(dialect.encoding == shape.encoding)
        #expect(dialect.delimiter == shape.delimiter.asciiValue)
        try #require(bytes.count == Self.records.count)
        try #require(strings.count == Self.records.count)
        #expect(bytes.map(\.line) == written.lines)
        #expect(strings.map(\.line) == written.lines)
        for (index, record) in bytes.enumerated() {
            let expected = written.texts[index]
            try #require(record.count == expected.count, "record \(index)")
            #expect(strings[index].fields == expected, "record \(index)")
            #expect(record.record == strings[index])
            for column in 0..<record.count {
                let text = record.string(at: column)
                #expect(text == expected[column], "record \(index), field \(column)")
                #expect(text == strings[index].fields[column], "record \(index), field \(column)")
                let old = shape.encoding.decode(written.fields[index][column])
                #expect(text == old, "record \(index), field \(column)")
            }
        }
    }

    @Test("Windows-1252 bytes 0x80–0x9F and Latin-1 letters read as the characters they stand for")
    func windows1252Characters() throws {
        let directory = try TemporaryDirectory()
        // Año;€ 5;“cita” – fin;Ñ<no-break space>á;"a;b" in Windows-1252, then a record of plain ASCII.
        let fields: [[UInt8]] = [
            [0x41, 0xF1, 0x6F], [0x80, 0x20, 0x35],
            [0x93, 0x63, 0x69, 0x74, 0x61, 0x94, 0x20, 0x96, 0x20, 0x66, 0x69, 0x6E],
            [0xD1, 0xA0, 0xE1], [0x61, 0x3B, 0x62],
        ]
        var data: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ";")) }
            data += index == 4 ? [0x22] + field + [0x22] : field
        }
        data += Array("\r\n1;2;3;4;5\r\n".utf8)
        let url = try directory.write("w.csv", Data(data))
        let reader = try CSVReader(url: url)
        #expect(reader.dialect.encoding == .windows1252)
        let record = try #require(try reader.nextBytes())
        let expected = ["Año", "€ 5", "“cita” – fin", "Ñ\u{00A0}á", "a;b"]
        #expect((0..<record.count).map(record.string(at:)) == expected)
        #expect(fields.map { TextEncoding.windows1252.decode($0) } == expected)
        #expect(record.string(at: 1).unicodeScalars.first == "\u{20AC}")
        #expect(record.string(at: 2).unicodeScalars.map(\.value).contains(0x2013))
        #expect(record.withBytes(at: 1) { Array($0) } == [0xE2, 0x82, 0xAC, 0x20, 0x35])
        #expect(record.line == 1)
        let next = try #require(try reader.nextBytes())
        #expect(next.line == 2 && (0..<next.count).map(next.string(at:)) == ["1", "2", "3", "4", "5"])
        #expect(try reader.nextBytes() == nil)
    }

    @Test("withBytes hands exactly the UTF-8 of each field's string, empty fields included", arguments: shapes)
    func withBytesIsUTF8OfString(shape: Shape) throws {
        let directory = try TemporaryDirectory()
        let written = try Self.write(shape, in: directory)
        let (_, records) = try Self.readBytes(written.url)
        try #require(records.count == Self.records.count)
        for (index, record) in records.enumerated() {
            #expect(record.ends.count == record.count)
            #expect(record.bytes.count == (record.ends.last ?? 0))
            for column in 0..<record.count {
                let handed = record.withBytes(at: column) { Array($0) }
                #expect(handed == Array(written.texts[index][column].utf8), "record \(index), field \(column)")
                #expect(handed == Array(record.string(at: column).utf8), "record \(index), field \(column)")
            }
        }
    }

    @Test(
        "a prefetcher hands over the reader's byte records in order, across batches of three",
        arguments: [1, 5, 10, 31])
    func prefetcherSameRecords(count: Int) throws {
        let directory = try TemporaryDirectory()
        var data = Array("codigo;descripcion;monto\r\n".utf8)
        for index in 1...count {
            // `1;NiÑo 1;"€ 1,00"` in Windows-1252 (Ñ is 0xD1, the euro sign 0x80), a blank line after every fourth.
            data += Array("\(index);Ni".utf8) + [0xD1] + Array("o \(index);\"".utf8) + [0x80]
            data += Array(" \(index),00\"\n".utf8)
            if index % 4 == 0 { data += [0x0A] }
        }
        let url = try directory.write("p.csv", Data(data))
        let (_, expected) = try Self.readBytes(url)
        try #require(expected.count == count + 1)
        #expect(expected.last?.string(at: 2) == "€ \(count),00")
        let prefetcher = CSVPrefetcher(try CSVReader(url: url, commentPrefix: "#"), batchSize: 3, capacity: 2)
        var records: [CSVByteRecord] = []
        while let record = try prefetcher.nextBytes() { records.append(record) }
        #expect(try prefetcher.nextBytes() == nil)
        #expect(records.map(\.line) == expected.map(\.line))
        #expect(records.map(\.bytes) == expected.map(\.bytes))
        #expect(records.map(\.ends) == expected.map(\.ends))
        #expect(records.map(\.record) == expected.map(\.record))
        #expect(records.map { $0.string(at: 1) } == ["descripcion"] + (1...count).map { "NiÑo \($0)" })
    }
}
