import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// ``Ledger/reader()``: a second connection to the same file that reads what the first committed and writes nothing.
struct LedgerReaderTests {
    static func source(_ name: String) -> ImportSource {
        ImportSource(sourceKind: "ocds", fileName: name, sha256: name, bytes: 1)
    }

    @Test("a reader sees the ledger's commits, before and after it was opened, and refuses to write")
    func readsOnly() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Ledger.open(path: directory.file("libro.sqlite").path, create: true)
        _ = try ledger.importing(Self.source("a.json"), toolVersion: "t") { _ in .commit(ImportCounts(rowsRead: 0)) }
        let reader = try #require(try ledger.reader())
        #expect(try reader.importRuns().map(\.fileName) == ["a.json"])
        _ = try ledger.importing(Self.source("b.json"), toolVersion: "t") { _ in .commit(ImportCounts(rowsRead: 0)) }
        #expect(try reader.importRuns().map(\.fileName) == ["a.json", "b.json"])
        #expect(throws: (any Error).self) {
            _ = try reader.importing(Self.source("c.json"), toolVersion: "t") { _ in
                .commit(ImportCounts(rowsRead: 0))
            }
        }
        #expect(try ledger.importRuns().count == 2)
    }

    @Test("an in-memory ledger has no reader: no other connection can see it")
    func inMemory() throws {
        #expect(try Ledger.inMemory().reader() == nil)
    }
}
