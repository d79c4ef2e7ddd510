import Domain
import Formats
import Foundation
import Ledger
import Publishing
import TestSupport
import Testing

/// `export --since`: what changed since the previous publication, by primary key.
struct ChangelogTests {
    private func changes(_ directory: URL) throws -> [String] {
        try ExportFixture.read(directory.appendingPathComponent("cambios.csv")).components(separatedBy: "\r\n")
            .dropFirst().filter { !$0.isEmpty }
    }

    @Test("the same data again is no change; a changed status shows old and new value in each table that has it")
    func modified() throws {
        let previous = try TemporaryDirectory()
        let ledger = try ExportFixture.ledger()
        try ExportFixture.export(ledger, to: previous.url)
        let same = try TemporaryDirectory()
        let unchanged = try ExportFixture.export(ledger, to: same.url, since: previous.url)
        #expect(unchanged.changes == 0)
        #expect(try changes(same.url).isEmpty)

        let next = try TemporaryDirectory()
        let summary = try ExportFixture.export(
            try ExportFixture.ledger(status: "Finalizado adjudicado"), to: next.url, since: previous.url)
        #expect(
            try changes(next.url) == [
                "2022,,11130016,compras,modificada,nog=16299514,estado,Adjudicado,Finalizado adjudicado",
                "2022,,11130016,compras,modificada,nog=16591327,estado,Adjudicado,Finalizado adjudicado",
                "2022,,11130016,adjudicaciones,modificada,nog=16299514; adjudicacion=1,estado,Adjudicado,Finalizado adjudicado",
                "2022,,11130016,adjudicaciones,modificada,nog=16591327; adjudicacion=1,estado,Adjudicado,Finalizado adjudicado",
            ])
        #expect(summary.changes == 4)
        let json = try ExportFixture.read(next.file("cambios.json"))
        #expect(
            json.contains(
                "{\"ejercicio\": 2022, \"mes\": null, \"entidad\": \"11130016\", \"tabla\": \"compras\", \"cambio\": \"modificada\""
            ))
        #expect(try ExportFixture.read(next.file("datapackage.json")).contains("\"name\": \"cambios\""))
    }

    @Test("rows only the new publication has are added, rows it lacks are removed; amounts compare by value")
    func addedAndRemoved() throws {
        let previous = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: previous.url, datasets: [.compras, .ejecucion])
        // The earlier file wrote an amount as 2394900.0: the same value, not a change.
        let compras = previous.file("compras.json")
        try ExportFixture.read(compras).replacingOccurrences(of: "2394900.00", with: "2394900.0")
            .write(to: compras, atomically: true, encoding: .utf8)

        let ledger = try Ledger.inMemory()
        try ExportFixture.fill(ledger)
        var extra = ExportFixture.procurements()[2]
        extra.nog = "17000002"
        extra.ocid = Procurement.ocid(forNOG: "17000002")
        _ = try ledger.importing(
            ImportSource(sourceKind: "ocds", fileName: "mas.json", sha256: FileDigest.sha256(of: "mas"), bytes: 1),
            toolVersion: "prueba"
        ) { session in
            try session.procurements().upsert(extra)
            return .commit(ImportCounts(rowsRead: 1, rowsAccepted: 1, rowsRejected: 0))
        }
        let next = try TemporaryDirectory()
        // adjudicaciones was not in the previous publication: every row of it is added.
        try ExportFixture.export(ledger, to: next.url, since: previous.url, datasets: [.compras, .adjudicaciones])
        #expect(
            try changes(next.url) == [
                "2022,,11130016,compras,agregada,nog=17000002,*,,",
                "2022,,11130016,adjudicaciones,agregada,nog=16299514; adjudicacion=1,*,,",
                "2022,,11130016,adjudicaciones,agregada,nog=16591327; adjudicacion=1,*,,",
            ])

        let fewer = try TemporaryDirectory()
        try ExportFixture.export(try Ledger.inMemory(), to: fewer.url, since: previous.url, datasets: [.compras])
        #expect(
            try changes(fewer.url).map { $0.components(separatedBy: ",").prefix(6).joined(separator: ",") } == [
                "2022,,11130016,compras,eliminada,nog=16299514", "2022,,11130016,compras,eliminada,nog=16591327",
                "2022,,11130016,compras,eliminada,nog=17000001",
            ])
    }

    @Test("a previous publication written for Excel or as JSON Lines compares the same")
    func otherFormats() throws {
        let previous = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: previous.url, format: .excel, jsonLines: true)
        let next = try TemporaryDirectory()
        let summary = try ExportFixture.export(try ExportFixture.ledger(), to: next.url, since: previous.url)
        #expect(summary.changes == 0)
    }

    @Test("--since a folder that does not exist is an error naming it")
    func missingPrevious() throws {
        let next = try TemporaryDirectory()
        #expect(throws: PublishingError.self) {
            try ExportFixture.export(try ExportFixture.ledger(), to: next.url, since: next.file("no-existe"))
        }
    }
}
