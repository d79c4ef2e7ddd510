import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// An import's diagnostics are stored 64 to a statement, in the order they came.
struct ImportNoteWriterTests {
    @Test("130 notes are stored in order with three statements, the last two when writes finish")
    func batchesInOrder() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importing(source("notas"), toolVersion: "t") { session throws in
            for line in 1...130 {
                try session.note(
                    Diagnostic(
                        file: "f", line: line, field: line.isMultiple(of: 2) ? nil : "campo \(line)", severity: .info,
                        message: "nota \(line)"))
            }
            #expect(session.storedDiagnostics == 130)
            #expect(session.notes.statementsRun == 2)
            try session.finishWrites()
            #expect(session.notes.statementsRun == 3)
            return .commit(ImportCounts(rowsRead: 130, rowsAccepted: 130))
        }
        let stored = try ledger.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, line, field, severity, message FROM import_diagnostic ORDER BY id")
        }
        #expect(stored.count == 130)
        #expect(stored.map { $0["line"] as Int } == Array(1...130))
        #expect(stored.map { $0["id"] as Int64 } == Array(1...130))
        #expect(stored[2]["field"] as String? == "campo 3")
        #expect(stored[3]["field"] as String? == nil)
        #expect(stored[129]["message"] as String == "nota 130")
        #expect(stored.allSatisfy { $0["severity"] as String == "info" })
    }
}
