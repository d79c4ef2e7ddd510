import Domain
import Formats
import Foundation
import Ledger
import Publishing
import TestSupport
import Testing

/// `datapackage.json`: a Frictionless Data Package describing every file.
struct DataPackageTests {
    private func descriptor(_ directory: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("datapackage.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("the fixture's descriptor, byte for byte (golden)")
    func golden() throws {
        let directory = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: directory.url)
        let text = try ExportFixture.read(directory.file("datapackage.json"))
        #expect(text == (try Golden.text("datapackage.json", actual: text)))
        for name in ["compras.csv", "adjudicaciones.csv", "ejecucion.csv", "ejecucion.json"] {
            let file = try ExportFixture.read(directory.file(name))
            #expect(file == (try Golden.text("fixture-" + name, actual: file)), "\(name)")
        }
    }

    @Test("every table is a CSV and a JSON resource with its schema, keys, LAIP numerals, size and SHA-256")
    func resources() throws {
        let directory = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: directory.url)
        let package = try descriptor(directory.url)
        let resources = try #require(package["resources"] as? [[String: Any]])
        // A table without rows (here the links: the fixture links nothing) has a JSON of `[]`, described as a
        // plain file; its CSV carries the schema, and the package is then a plain data package.
        let plainFiles = resources.filter { $0["schema"] == nil }
        #expect(!plainFiles.isEmpty && plainFiles.allSatisfy { ($0["name"] as? String)?.hasSuffix("_json") == true })
        #expect(
            plainFiles.allSatisfy { $0["type"] as? String == "file" && $0["profile"] as? String == "data-resource" })
        #expect(package["profile"] as? String == "data-package")
        #expect(package["name"] as? String == "transparencia-sp-2022")
        #expect(package["created"] as? String == "2023-11-14T22:13:20Z")
        #expect(
            resources.map { $0["name"] as? String ?? "" }
                == Dataset.published.flatMap { [$0.rawValue, $0.rawValue + "_json"] })
        for resource in resources where resource["schema"] != nil {
            let path = try #require(resource["path"] as? String)
            let schema = try #require(resource["schema"] as? [String: Any])
            let fields = try #require(schema["fields"] as? [[String: Any]])
            #expect(fields.prefix(2).map { $0["name"] as? String } == ["ejercicio", "mes"], "\(path)")
            #expect(fields.contains { $0["name"] as? String == "entidad" }, "\(path): every file names its entity")
            #expect(
                fields.allSatisfy { ($0["description"] as? String)?.isEmpty == false }, "\(path): Spanish descriptions")
            let name = try #require((resource["name"] as? String)?.replacingOccurrences(of: "_json", with: ""))
            let dataset = try #require(Dataset(rawValue: name))
            #expect(schema["primaryKey"] as? [String] ?? [] == dataset.primaryKey)
            #expect((resource["laip"] as? [String: Any])?["numerales"] as? [Int] == dataset.laipNumerals)
            if path.hasSuffix(".csv") {
                let digest = try FileDigest.of(directory.file(path))
                #expect(resource["hash"] as? String == "sha256:" + digest.sha256)
                #expect(resource["bytes"] as? Int == Int(digest.bytes))
                #expect((resource["dialect"] as? [String: Any])?["delimiter"] as? String == ",")
            }
        }
        let adjudicaciones = try #require(resources.first { $0["name"] as? String == "adjudicaciones_json" })
        let keys = (adjudicaciones["schema"] as? [String: Any])?["foreignKeys"] as? [[String: Any]]
        #expect((keys?.first?["reference"] as? [String: Any])?["resource"] as? String == "compras_json")
    }

    @Test("licence CC BY 4.0 by default or the profile's; the unit responsible and the import runs as sources")
    func provenance() throws {
        let directory = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: directory.url)
        let package = try descriptor(directory.url)
        let license = try #require((package["licenses"] as? [[String: Any]])?.first)
        #expect(license["name"] as? String == "CC-BY-4.0")
        #expect(license["path"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        let contributor = try #require((package["contributors"] as? [[String: Any]])?.first)
        #expect(contributor["title"] as? String == "Unidad de Información Pública")
        #expect(contributor["email"] as? String == "uip@prueba.gob.gt")
        let sources = try #require(package["sources"] as? [[String: Any]])
        #expect(sources.map { $0["title"] as? String } == ["ocds.json", "ejecucion.csv", "vinculos.csv"])
        #expect(sources[1]["path"] as? String == "https://datos.minfin.gob.gt/ejecucion.csv")
        #expect(sources[1]["sha256"] as? String == String(repeating: "b", count: 64))

        var odbl = ExportFixture.allowingPersons
        odbl.licencia = "ODbL-1.0"
        let other = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: other.url, profile: odbl, datasets: [.productos])
        let otherLicense = try #require((try descriptor(other.url)["licenses"] as? [[String: Any]])?.first)
        #expect(otherLicense["name"] as? String == "ODbL-1.0")
        #expect(otherLicense["path"] as? String == "https://opendatacommons.org/licenses/odbl/1-0/")
    }

    @Test("a foreign key is kept only when the table it points at is published with it")
    func foreignKeys() throws {
        let directory = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: directory.url, datasets: [.adjudicaciones])
        let text = try ExportFixture.read(directory.file("datapackage.json"))
        #expect(!text.contains("foreignKeys"))
    }

    @Test("a dry run builds and checks everything and leaves nothing behind, not even the folder")
    func dryRun() throws {
        let directory = try TemporaryDirectory()
        let target = directory.file("salida")
        let summary = try ExportFixture.export(try ExportFixture.ledger(), to: target, dryRun: true)
        #expect(summary.published.isEmpty)
        #expect(summary.tables.first { $0.name == "compras" }?.rows == 3)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }
}
