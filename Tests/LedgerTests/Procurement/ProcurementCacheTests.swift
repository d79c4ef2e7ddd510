import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// An import of procurements writes with a larger page cache and leaves the connection's own setting as it was,
/// whether it commits, rolls back or fails.
struct ProcurementCacheTests {
    func cacheSize(_ ledger: Ledger) throws -> Int {
        try ledger.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0 }
    }

    @Test("the cache is raised while procurements are written and put back after a commit, a rollback or an error")
    func raisedThenRestored() throws {
        let ledger = try Ledger.inMemory()
        let before = try cacheSize(ledger)
        #expect(before != ImportSession.procurementCacheSize)
        var during = 0
        _ = try ledger.importing(source("a"), toolVersion: "t") { session in
            try session.procurements().upsert(sampleProcurement())
            during = try Int.fetchOne(session.db, sql: "PRAGMA cache_size") ?? 0
            return .commit(ImportCounts(rowsRead: 1, rowsAccepted: 1))
        }
        #expect(during == ImportSession.procurementCacheSize)
        #expect(try cacheSize(ledger) == before)
        _ = try ledger.importProcurements(source: source("b"), dryRun: true) { sink in
            try sink.upsert(sampleProcurement(nog: "16000002"))
        }
        #expect(try cacheSize(ledger) == before)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try ledger.importProcurements(source: source("c")) { sink in
                try sink.upsert(sampleProcurement(nog: "16000003"))
                throw Stop()
            }
        }
        #expect(try cacheSize(ledger) == before)
    }
}
