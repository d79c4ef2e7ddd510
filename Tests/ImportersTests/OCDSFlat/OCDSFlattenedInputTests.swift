import Domain
import Foundation
import TestSupport
import Testing

@testable import Formats
@testable import Importers

/// Which documents `import ocds` reads from a flattened file.
struct OCDSFlattenedInputTests {
    private func inputs(_ url: URL) throws -> [ArchiveExpansion.Input] {
        try ocdsInputs(url).inputs
    }

    @Test("an XLSX and a ZIP of CSV are each one document, read whole by the importer")
    func wholeFiles() throws {
        for name in ["releases.xlsx", "releases-csv.zip"] {
            let url = try FixtureFile.url("ocds-flat/" + name)
            let found = try inputs(url)
            #expect(found.map(\.url) == [url] && found.map(\.isOriginal) == [true], "\(name)")
            #expect(try OCDSFlatSource.detect(url) == (name.hasSuffix("xlsx") ? .xlsx : .csvZip))
        }
    }

    @Test("an XLSX inside a ZIP (Guatecompras' xlsx download) is extracted and imported as zip:entry")
    func zippedWorkbook() throws {
        let directory = try TemporaryDirectory()
        let zip = directory.file("2022-12.zip")
        try writeZip(
            [("2022-12_Guatecompras.xlsx", try Data(contentsOf: try FixtureFile.url("ocds-flat/records.xlsx")))],
            to: zip)
        let expansion = try ocdsInputs(zip)
        defer { expansion.removeTemporaryFiles() }
        let found = expansion.inputs
        let input = try #require(found.first)
        #expect(found.count == 1 && !input.isOriginal && input.displayName == "2022-12.zip:2022-12_Guatecompras.xlsx")
        var nogs = 0
        _ = try OCDSImporter().read(input.url, displayName: input.displayName) { event in
            if case .procurement = event { nogs += 1 }
        }
        #expect(nogs == 36)
    }

    @Test("JSON files are not taken for flattened ones; a ZIP with JSON beside CSV reads the JSON")
    func jsonStaysJSON() throws {
        let directory = try TemporaryDirectory()
        #expect(try OCDSFlatSource.detect(try directory.write("a.json", text: "{}")) == nil)
        let zip = directory.file("mixto.zip")
        try writeZip([("a.json", Data("{}".utf8)), ("releases.csv", Data("id\n1\n".utf8))], to: zip)
        #expect(try OCDSFlatSource.detect(zip) == nil)
        let expansion = try ocdsInputs(zip)
        defer { expansion.removeTemporaryFiles() }
        #expect(expansion.inputs.map(\.displayName) == ["mixto.zip:a.json"])
    }
}
