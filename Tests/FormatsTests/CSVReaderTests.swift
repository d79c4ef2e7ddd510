import Formats
import Foundation
import TestSupport
import Testing

struct CSVReaderTests {
    private func records(_ url: URL, commentPrefix: Character? = nil) throws -> (CSVDialect, [CSVRecord]) {
        let reader = try CSVReader(url: url, commentPrefix: commentPrefix)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (reader.dialect, records)
    }

    @Test("reads a Latin-1 file separated by semicolons, with quoted separators and line breaks")
    func latin1Semicolons() throws {
        let url = try #require(
            Bundle.module.url(forResource: "latin1-semicolon", withExtension: "csv", subdirectory: "Fixtures/csv"))
        let (dialect, records) = try records(url)
        #expect(dialect.encoding == .windows1252)
        #expect(dialect.delimiter == UInt8(ascii: ";"))
        #expect(
            records.map(\.fields) == [
                ["NOG", "DESCRIPCIÓN", "MONTO"],
                ["123", "NIÑOS Y NIÑAS", "Q1,234.56"],
                ["456", "texto con ; y\nsalto", "25,000.00"],
            ])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("detects UTF-8 with and without BOM and strips the BOM")
    func utf8() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("plain.csv", text: "año,monto\n2022,1\n")
        let bom = try directory.write("bom.csv", Data([0xEF, 0xBB, 0xBF]) + Data("año\tmonto\n2022\t1\n".utf8))
        let (plainDialect, plainRecords) = try records(plain)
        #expect(plainDialect.encoding == .utf8)
        #expect(plainRecords.first?.fields == ["año", "monto"])
        let (bomDialect, bomRecords) = try records(bom)
        #expect(bomDialect.encoding == .utf8BOM)
        #expect(bomDialect.delimiter == UInt8(ascii: "\t"))
        #expect(bomRecords.first?.fields == ["año", "monto"])
    }

    @Test("decides the encoding for the whole file even when the first non-ASCII byte is far in")
    func lateLatin1() throws {
        let directory = try TemporaryDirectory()
        var data = Data("a,b\n".utf8)
        for index in 0..<20_000 { data += Data("\(index),x\n".utf8) }
        data += Data([0x4E, 0xD1, 0x2C, 0x31, 0x0A])  // "NÑ,1" in Latin-1 after ~200 KB
        let url = try directory.write("late.csv", data)
        let (dialect, records) = try records(url)
        #expect(dialect.encoding == .windows1252)
        #expect(records.count == 20_002)
        #expect(records.last?.fields == ["NÑ", "1"])
        #expect(records.last?.line == 20_002)
    }

    @Test("skips comment lines before the header and counts their lines")
    func comments() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("c.csv", text: "# uno; dos\n# tres\na,b\n1,2\n")
        let (dialect, records) = try records(url, commentPrefix: "#")
        #expect(dialect.delimiter == UInt8(ascii: ","))
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [3, 4])
    }

    @Test("refuses NUL bytes and unterminated quotes with the line")
    func hostile() throws {
        let directory = try TemporaryDirectory()
        let nul = try directory.write("nul.csv", Data("a,b\n1,2\n3,\u{0}\n".utf8))
        #expect(throws: FormatsError.self) { try records(nul) }
        do {
            _ = try records(nul)
        } catch let error as FormatsError {
            #expect(error.errorDescription == "nul.csv:3: byte NUL: el archivo no es texto (¿binario o dañado?)")
        }
        let open = try directory.write("open.csv", text: "a,b\n1,\"sin cerrar\n")
        #expect(throws: FormatsError.self) { try records(open) }
    }

    @Test("refuses a field larger than the limit")
    func hugeField() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("big.csv", text: "a\n" + String(repeating: "x", count: 5000) + "\n")
        var limits = CSVReader.Limits()
        limits.maxFieldBytes = 1000
        let reader = try CSVReader(url: url, limits: limits)
        _ = try reader.next()
        #expect(throws: FormatsError.self) { try reader.next() }
    }
}
