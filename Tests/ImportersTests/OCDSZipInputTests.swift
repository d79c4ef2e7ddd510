import Domain
import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import Formats
@testable import Importers

/// Writes a deflated ZIP with the given entries.
func writeZip(_ entries: [(String, Data)], to url: URL) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for (path, data) in entries {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        {
            position, size in data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

/// What `import ocds` reads from a path: the file, or the documents of a ZIP (see ``OCDSImporter/archiveHandling(entryPaths:)``).
func ocdsInputs(_ url: URL, limits: SafeZipArchive.Limits = .init()) throws -> ArchiveExpansion {
    try ArchiveExpansion(url, handling: OCDSImporter().archiveHandling, limits: limits)
}

struct OCDSZipInputTests {
    @Test("a ZIP's JSON entries are extracted one by one and named zip:entry")
    func extractsEntries() throws {
        let directory = try TemporaryDirectory()
        let package =
            #"{"records":[{"ocid":"ocds-xqjsxa-16000001","compiledRelease":\#(releaseJSON(nog: "16000001", date: "2022-03-10T10:00:00-06:00", awards: awardJSON))}]}"#
        let zip = directory.file("2022-05.zip")
        try writeZip([("2022-05_Guatecompras.json", Data(package.utf8)), ("LEAME.txt", Data("x".utf8))], to: zip)
        let expansion = try ocdsInputs(zip)
        defer { expansion.removeTemporaryFiles() }
        let inputs = expansion.inputs
        #expect(inputs.map(\.displayName) == ["2022-05.zip:2022-05_Guatecompras.json"])
        let input = try #require(inputs.first)
        #expect(!input.isOriginal && input.url != zip)
        var nogs: [String] = []
        _ = try OCDSImporter().read(input.url, displayName: input.displayName) { event in
            if case .procurement(let procurement, _) = event { nogs.append(procurement.nog) }
        }
        #expect(nogs == ["16000001"])
    }

    @Test("a plain JSON file is its own input")
    func plainFile() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("a.json", text: "{}")
        #expect(try ocdsInputs(url).inputs.map(\.isOriginal) == [true])
    }

    @Test("an entry named with ../ refuses the whole ZIP before anything is extracted")
    func traversal() throws {
        let directory = try TemporaryDirectory()
        let zip = directory.file("malo.zip")
        try writeZip([("ok.json", Data("{}".utf8)), ("../../etc/evil.json", Data("{}".utf8))], to: zip)
        let error = try #require(throws: FormatsError.self) { _ = try ocdsInputs(zip) }
        guard case .unsafeZipEntry(let file, let entry, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(file == "malo.zip" && entry == "../../etc/evil.json")
        #expect(error.localizedDescription.contains("se rechaza"))
    }

    @Test("an entry that inflates beyond its declared size or the limit is stopped while extracting")
    func bomb() throws {
        let directory = try TemporaryDirectory()
        let zip = directory.file("bomba.zip")
        try writeZip([("ceros.json", Data(repeating: 0x20, count: 4 << 20))], to: zip)
        var limits = SafeZipArchive.Limits()
        limits.maxEntryBytes = 1 << 20
        let error = try #require(throws: FormatsError.self) { _ = try ocdsInputs(zip, limits: limits) }
        guard case .zipLimit = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
    }

    @Test("a ZIP without JSON, XLSX or CSV entries gives nothing to import (the pipeline reports it as a failure)")
    func noJSON() throws {
        let directory = try TemporaryDirectory()
        let zip = directory.file("vacio.zip")
        try writeZip([("LEAME.txt", Data("a,b".utf8))], to: zip)
        #expect(try ocdsInputs(zip).inputs.isEmpty)
    }

    @Test("an element over the importer's size limit stops the file with a clear error")
    func absurdlyLargeField() throws {
        let directory = try TemporaryDirectory()
        let huge = releaseJSON(nog: "16000001", date: "2022-03-10T10:00:00-06:00")
            .replacingOccurrences(of: "COMPRA 16000001", with: String(repeating: "A", count: 200_000))
        let url = try directory.write("grande.json", text: #"{"releases":[\#(huge)]}"#)
        let importer = OCDSImporter(limits: JSONScanLimits(maxElementBytes: 100_000))
        let error = try #require(throws: FormatsError.self) { _ = try importer.read(url) { _ in } }
        #expect(error.localizedDescription.hasPrefix("grande.json:1: byte 13:"))
    }
}
