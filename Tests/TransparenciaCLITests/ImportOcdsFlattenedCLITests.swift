import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// End-to-end: `import ocds` on flatten-tool output (issue 10, item 11) stores what the JSON stores.
struct ImportOcdsFlattenedCLITests {
    static let fixtures = BinaryRunner.root.appendingPathComponent("Tests/ImportersTests/Fixtures/ocds-flat")

    /// A fresh ledger with `file` imported: the command's stderr and the ledger's procurements.
    private func imported(_ file: URL, in directory: TemporaryDirectory) throws -> (
        stderr: String, procurements: [Procurement], report: String
    ) {
        let db = directory.file(file.lastPathComponent + ".sqlite").path
        #expect(try BinaryRunner.run(["init", "--db", db], in: directory.url).status == 0)
        let result = try BinaryRunner.run(["import", "ocds", "--db", db, file.path], in: directory.url)
        #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
        let report = try BinaryRunner.run(["report", "compras", "--db", db, "--format", "csv"], in: directory.url)
        return (result.stderr, try Ledger.open(path: db).procurements(), report.stdout)
    }

    @Test(
        "the flattened XLSX, CSV ZIP and Latin-1 CSV ZIP store the same rows and total as the JSON they came from",
        arguments: ["releases.xlsx", "releases-csv.zip", "releases-csv-latin1.zip"])
    func sameLedger(name: String) throws {
        let directory = try TemporaryDirectory()
        let json = try imported(Self.fixtures.appendingPathComponent("compiled-releases.zip"), in: directory)
        let flat = try imported(Self.fixtures.appendingPathComponent(name), in: directory)
        #expect(flat.stderr.contains("registros leídos 36 · aceptados 36 · rechazados 0"))
        #expect(flat.stderr.contains("36 nuevo(s)"))
        #expect(flat.stderr.contains("entregas aplanadas"))
        #expect(flat.procurements.count == 36)
        #expect(flat.procurements == json.procurements)
        #expect(flat.report == json.report)
        let total = try Money.sum(flat.procurements.compactMap { try $0.awardedTotal })
        #expect(total == Money(centavos: 1_073_990_567))
        #expect(flat.procurements.flatMap(\.awards).count == 30)
    }

    @Test("Guatecompras' flattened records give the sample's ledger; re-importing it changes nothing")
    func recordsLayout() throws {
        let directory = try TemporaryDirectory()
        let json = try imported(
            BinaryRunner.samples.appendingPathComponent("compras/ocds-sosep-2022.json"), in: directory)
        let file = Self.fixtures.appendingPathComponent("records.xlsx")
        let flat = try imported(file, in: directory)
        #expect(flat.procurements == json.procurements)
        #expect(flat.report == json.report)
        let again = try BinaryRunner.run(
            ["import", "ocds", "--db", directory.file("records.xlsx.sqlite").path, file.path], in: directory.url)
        #expect(again.status == 0 && again.stderr.contains("ya importado en la corrida"), "\(again.stderr)")
    }

    @Test("a flattened file laid over its JSON import changes nothing")
    func overJSON() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        #expect(try BinaryRunner.run(["init", "--db", db], in: directory.url).status == 0)
        #expect(
            try BinaryRunner.run(
                ["import", "ocds", "--db", db, Self.fixtures.appendingPathComponent("compiled-releases.zip").path],
                in: directory.url
            ).status == 0)
        let flat = try BinaryRunner.run(
            ["import", "ocds", "--db", db, Self.fixtures.appendingPathComponent("releases.xlsx").path],
            in: directory.url)
        #expect(flat.status == 0)
        #expect(flat.stderr.contains("0 nuevo(s) · 0 actualizado(s) · 36 sin cambios"), "\(flat.stderr)")
    }

    @Test("a flattened file with a bad cell is refused whole, naming the sheet, row and field")
    func refused() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        #expect(try BinaryRunner.run(["init", "--db", db], in: directory.url).status == 0)
        let releases = "id,ocid,tender/id,tender/title\nR1,ocds-xqjsxa-16000001,GT-NOG-16000001,COMPRA\n"
        let awards = "id,awards/0/id,awards/0/status,awards/0/value/amount\nR1,A1,active,doce\n"
        let zip = try directory.write(
            "malo.zip", StoredZip.archive([("releases.csv", Data(releases.utf8)), ("awards.csv", Data(awards.utf8))]))
        let result = try BinaryRunner.run(["import", "ocds", "--db", db, zip.path], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("malo.zip:releases.csv:2: campo «awards[0].value.amount»"), "\(result.stderr)")
        #expect(result.stderr.contains("no se importó nada"))
        #expect(try Ledger.open(path: db).procurementCount() == 0)
    }

    @Test("import ocds --help names the flattened shapes")
    func help() throws {
        let help = try BinaryRunner.run(["import", "ocds", "--help"])
        #expect(help.stdout.contains(".xlsx") && help.stdout.contains("flatten-tool"))
    }
}
