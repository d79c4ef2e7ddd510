import Foundation
import TestSupport
import Testing

@testable import Formats

struct SafeZipArchiveTests {
    @Test("reads the entries of a well-formed archive")
    func readsEntries() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("ok.zip")
        try ZipFixture.write([("xl/workbook.xml", Data("<workbook/>".utf8)), ("a/b.txt", Data("hola".utf8))], to: url)
        let archive = try SafeZipArchive(url: url)
        #expect(archive.entries.map(\.path) == ["xl/workbook.xml", "a/b.txt"])
        #expect(archive.contains("a/b.txt"))
        #expect(!archive.contains("a/c.txt"))
        #expect(String(decoding: try archive.data(for: "a/b.txt"), as: UTF8.self) == "hola")
        #expect(throws: FormatsError.self) { try archive.data(for: "nada.xml") }
    }

    @Test("a file that is not a ZIP is refused with its name")
    func notAZip() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("libro.xlsx", text: "NOG;MONTO\n1;2\n")
        let error = try #require(throws: FormatsError.self) { try SafeZipArchive(url: url) }
        guard case .notZip(let file, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(file == "libro.xlsx")
        #expect(error.errorDescription?.contains("no es un archivo ZIP") == true)
    }

    @Test("a truncated ZIP is refused, not crashed on")
    func truncated() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("corto.zip")
        try ZipFixture.write([("a.txt", Data(repeating: 65, count: 5000))], to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(60).write(to: url)
        #expect(throws: FormatsError.self) { try SafeZipArchive(url: url) }
    }

    @Test(
        "entries that climb out with .. or are absolute make the archive unreadable",
        arguments: [
            "../evil.txt", "xl/../../evil.txt", "/etc/passwd", "..\\evil.txt", "C:\\evil.txt",
        ])
    func unsafePaths(path: String) throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("malo.zip")
        try ZipFixture.write([("ok.txt", Data("x".utf8)), (path, Data("x".utf8))], to: url)
        let error = try #require(throws: FormatsError.self) { try SafeZipArchive(url: url) }
        guard case .unsafeZipEntry(_, let entry, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(entry == path)
    }

    @Test("harmless names with dots are accepted")
    func harmlessDots() throws {
        #expect(SafeZipArchive.unsafeReason("xl/..sheet.xml") == nil)
        #expect(SafeZipArchive.unsafeReason("a/./b.xml") == nil)
        #expect(SafeZipArchive.unsafeReason("a/../b.xml") != nil)
    }

    @Test("a highly compressed entry over the ratio limit is refused when opening")
    func declaredBomb() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("bomba.zip")
        try ZipFixture.write([("ceros.xml", Data(repeating: 0, count: 4 << 20))], to: url)
        var limits = SafeZipArchive.Limits()
        limits.maxCompressionRatio = 50
        let error = try #require(throws: FormatsError.self) { try SafeZipArchive(url: url, limits: limits) }
        guard case .zipLimit(_, let entry, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(entry == "ceros.xml")
    }

    @Test("an entry that inflates beyond the size it declares is stopped while reading")
    func lyingBomb() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("mentira.zip")
        try ZipFixture.write([("ceros.xml", Data(repeating: 0, count: 4 << 20))], to: url)
        try ZipFixture.lieAboutSizes(at: url, declaring: 1000)
        let archive = try SafeZipArchive(url: url)
        var received = 0
        let error = try #require(throws: FormatsError.self) {
            try archive.stream("ceros.xml") { chunk in received += chunk.count }
        }
        guard case .zipLimit = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(received < 1 << 20)
    }

    @Test("the per-entry cap of a bounded read is enforced")
    func boundedRead() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("grande.zip")
        try ZipFixture.write([("grande.xml", Data(repeating: 66, count: 300_000))], to: url)
        let archive = try SafeZipArchive(url: url)
        #expect(throws: FormatsError.self) { try archive.data(for: "grande.xml", maxBytes: 100_000) }
        #expect(try archive.data(for: "grande.xml").count == 300_000)
    }
}

/// Damaged archives say, in Spanish, which file, which entry and where; ZIPFoundation's and zlib's own names
/// only follow as a detail.
struct SafeZipArchiveDamageTests {
    private func archive(_ directory: TemporaryDirectory) throws -> URL {
        let url = directory.file("libro.xlsx")
        try ZipFixture.write(
            [("xl/worksheets/sheet1.xml", Data(String(repeating: "<row/>", count: 2000).utf8))], to: url)
        return url
    }

    @Test("a damaged deflate stream names the file, the entry and the bytes inflated, in Spanish")
    func corruptedData() throws {
        let directory = try TemporaryDirectory()
        let url = try archive(directory)
        try ZipFixture.damageDeflateStreams(at: url)
        let zip = try SafeZipArchive(url: url)
        let error = try #require(throws: FormatsError.self) { try zip.data(for: "xl/worksheets/sheet1.xml") }
        guard case .zipCorrupt(let file, let entry, _, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(file == "libro.xlsx" && entry == "xl/worksheets/sheet1.xml")
        let message = try #require(error.errorDescription)
        #expect(
            message.hasPrefix(
                "libro.xlsx: la entrada «xl/worksheets/sheet1.xml» del ZIP está dañada tras 0 bytes descomprimidos"))
        #expect(
            message.contains("los datos comprimidos están dañados y no se pueden descomprimir (detalle: corruptedData)")
        )
    }

    @Test("an unknown compression method is explained in Spanish, the library's name last")
    func invalidCompressionMethod() throws {
        let directory = try TemporaryDirectory()
        let url = try archive(directory)
        try ZipFixture.setCompressionMethod(at: url, to: 99)
        let zip = try SafeZipArchive(url: url)
        let error = try #require(throws: FormatsError.self) { try zip.data(for: "xl/worksheets/sheet1.xml") }
        let message = try #require(error.errorDescription)
        #expect(message.contains("«xl/worksheets/sheet1.xml»"))
        #expect(message.contains("usa un método de compresión desconocido"))
        #expect(message.hasSuffix("(detalle: invalidCompressionMethod); vuelva a descargar o exportar el archivo"))
    }

    @Test("an archive cut before its central directory is refused in Spanish")
    func missingEndOfCentralDirectory() throws {
        let directory = try TemporaryDirectory()
        let url = try archive(directory)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 30).write(to: url)
        let error = try #require(throws: FormatsError.self) { try SafeZipArchive(url: url) }
        let message = try #require(error.errorDescription)
        #expect(
            message.hasPrefix("libro.xlsx: no es un archivo ZIP/XLSX válido o está dañado: falta el registro de fin"))
        #expect(message.hasSuffix("(detalle: missingEndOfCentralDirectoryRecord)"))
    }

    @Test("a damaged sheet inside an XLSX reaches the reader's caller as the same Spanish error")
    func damagedWorkbook() throws {
        let directory = try TemporaryDirectory()
        let url = try XLSXFixture.write(in: directory)
        try ZipFixture.damageDeflateStreams(at: url)
        let error = try #require(throws: FormatsError.self) { try XLSXReader.withSheet(url: url) { _ in } }
        let message = try #require(error.errorDescription)
        #expect(message.contains("libro.xlsx: la entrada «"), "\(message)")
        #expect(message.contains("del ZIP está dañada"), "\(message)")
    }
}
