import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// End-to-end: the flat export laid over the OCDS import of the same NOGs (issue 10, item 7). OCDS names the
/// Colombian supplier of NOG 17355959 `GT-GCID-CO-…`; the flat export writes `COLOMBIA` in its NIT cell.
struct ForeignSupplierOverlayCLITests {
    static let samples = BinaryRunner.samples.appendingPathComponent("compras")

    private func awarded(_ db: String) throws -> (perNOG: [String: Money], awards: Int, total: Money) {
        let procurements = try Ledger.open(path: db).procurements()
        var perNOG: [String: Money] = [:]
        for procurement in procurements { perNOG[procurement.nog] = try procurement.awardedTotal }
        let total = try Money.sum(procurements.compactMap { try $0.awardedTotal })
        return (perNOG, procurements.map(\.awards.count).reduce(0, +), total)
    }

    /// The amount of the flat export's own `TOTAL` row (last line, Latin-1).
    private func totalRow() throws -> Money {
        let bytes = try Data(contentsOf: Self.samples.appendingPathComponent("compras-sosep-2022.csv"))
        let text = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        let last = try #require(text.split(whereSeparator: \.isNewline).last)
        let cells = last.split(separator: ";", omittingEmptySubsequences: false)
        #expect(cells.dropLast().last == "TOTAL")
        let amount = try #require(cells.last).replacingOccurrences(of: "Q.", with: "").replacingOccurrences(
            of: ",", with: "")
        return try Money(parsing: amount)
    }

    @Test(
        "OCDS then the flat export of the same NOGs keeps one award per supplier and the file's TOTAL row",
        arguments: ["compras-sosep-2022.csv", "compras-sosep-2022.xlsx"])
    func overlay(flatFile: String) throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        #expect(try BinaryRunner.run(["init", "--db", db], in: directory.url).status == 0)
        let ocds = try BinaryRunner.run(
            [
                "import", "ocds", "--db", db, Self.samples.appendingPathComponent("ocds-sosep-2022.json").path,
            ], in: directory.url)
        #expect(ocds.status == 0, "\(ocds.stderr)")
        let before = try awarded(db)
        #expect(before.total == (try totalRow()))

        let flat = try BinaryRunner.run(
            ["import", "compras", "--db", db, Self.samples.appendingPathComponent(flatFile).path], in: directory.url)
        #expect(flat.status == 0, "\(flat.stderr)")
        let after = try awarded(db)
        #expect(after.awards == before.awards, "no award is added")
        #expect(after.perNOG == before.perNOG)
        #expect(after.total == (try totalRow()))

        let foreign = try #require(try Ledger.open(path: db).procurement(nog: "17355959"))
        #expect(
            foreign.awards.map(\.supplier.partyID) == [
                "GT-NIT-595055664", "GT-GCID-CO-0D13D3EE908F02969DED73509B7566AB",
            ])
        #expect(try foreign.awardedTotal == Money(centavos: 40_878_904))
        let report = try BinaryRunner.run(["report", "compras", "--db", db], in: directory.url)
        #expect(report.stdout.contains("Q10,739,905.67"), "\(report.stdout)")
        #expect(!report.stdout.contains("COLOMBIA"))
    }

    @Test("the flat export alone never stores a country as a supplier id")
    func flatAlone() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        #expect(try BinaryRunner.run(["init", "--db", db], in: directory.url).status == 0)
        let flat = try BinaryRunner.run(
            [
                "import", "compras", "--db", db, Self.samples.appendingPathComponent("compras-sosep-2022.csv").path,
            ], in: directory.url)
        #expect(flat.status == 0, "\(flat.stderr)")
        let foreign = try #require(try Ledger.open(path: db).procurement(nog: "17355959"))
        #expect(foreign.awards.map(\.supplier.identifier) == ["595055664", ""])
        #expect(foreign.awards.last?.supplier.name == "EQUIPOS MEDICOS ANDINOS S.A.S.")
        #expect(try awarded(db).total == (try totalRow()))
    }
}
