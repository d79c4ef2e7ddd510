import Domain
import Foundation
import GRDB
import Pipeline
import TestSupport
import Testing

@testable import Ledger

/// Execution imports write without SQLite's foreign-key lookups (every reference is to a row the import made):
/// what the lookups and cascades guaranteed must still hold after them, and the lookups be back on.
struct ExecutionReferencesTests {
    private func integrity(_ ledger: Ledger) throws -> (foreignKeys: Int, violations: Int, orphans: Int, snapshots: Int)
    {
        try ledger.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys") ?? -1,
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM budget_snapshot_line
                        WHERE budget_snapshot_id NOT IN (SELECT id FROM budget_snapshot)
                        OR budget_line_id NOT IN (SELECT id FROM budget_line)
                        """) ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM budget_snapshot") ?? -1
            )
        }
    }

    @Test("the same cut-off again from the XLSX drops its snapshot with its lines, and the lookups are back on")
    func repeatedSnapshotLeavesNoLines() throws {
        let ledger = try Ledger.inMemory()
        let csv = try PipelineFixtures.importOne(
            ledger, PipelineFixtures.sample("ejecucion/ejecucion-sosep-2022.csv"), as: .ejecucion)
        let xlsx = try PipelineFixtures.importOne(
            ledger, PipelineFixtures.sample("ejecucion/ejecucion-sosep-2022.xlsx"), as: .ejecucion)
        #expect(csv.counts.rowsAccepted == 63)
        #expect(xlsx.counts.unchanged == 63)
        let after = try integrity(ledger)
        #expect(after.foreignKeys == 1)
        #expect(after.violations == 0)
        #expect(after.orphans == 0)
        #expect(after.snapshots == 1)
        let lines = try ledger.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM budget_snapshot_line") }
        #expect(lines == 63)
    }

    @Test("a refused execution file and a dry run leave the lookups on and nothing written")
    func lookupsBackAfterRefusal() throws {
        let ledger = try Ledger.inMemory()
        let refused = try PipelineFixtures.importOne(
            ledger, try PipelineFixtures.fixture("ejecucion-con-error.csv"), as: .ejecucion)
        #expect(!refused.fileErrors.isEmpty || refused.counts.rowsRejected > 0)
        #expect(try integrity(ledger).foreignKeys == 1)
        let dryRun = try PipelineFixtures.importOne(
            ledger, PipelineFixtures.sample("ejecucion/ejecucion-sosep-2022.csv"), as: .ejecucion, dryRun: true)
        #expect(dryRun.counts.rowsAccepted == 63)
        let after = try integrity(ledger)
        #expect(after.foreignKeys == 1)
        #expect(after.snapshots == 0)
    }
}
