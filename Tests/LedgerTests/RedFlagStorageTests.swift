import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// Storing a red-flag run skips SQLite's per-row foreign-key lookups; the rows still cite what they must, and the
/// connection's foreign keys are on again afterwards.
struct RedFlagStorageTests {
    private func run(_ subjects: [String]) -> RedFlagRun {
        let flags = subjects.map { subject in
            RedFlag(
                indicatorID: "TR02", severity: .medio,
                subject: RedFlagSubject(kind: .proveedor, id: subject, label: subject), ejercicio: 2022, value: nil,
                amount: Money(quetzales: 10), detail: "d",
                evidence: [
                    RedFlagEvidence(referenceKind: "NOG", reference: subject + "1"),
                    RedFlagEvidence(referenceKind: "NOG", reference: subject + "2"),
                ])
        }
        return RedFlagRun(
            ejercicio: 2022, parametersHash: "h", parametersText: "p", indicators: [], flags: flags, purchasesRead: 4)
    }

    @Test("a stored run's rows cite their run and flags, foreign keys are on again, and deleting a run cascades")
    func references() throws {
        let ledger = try Ledger.inMemory()
        let first = try #require(try ledger.storeRedFlagRun(run(["a", "b"]), toolVersion: "t", startedAt: Date()).id)
        let second = try #require(try ledger.storeRedFlagRun(run(["c"]), toolVersion: "t", startedAt: Date()).id)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
        #expect(try ledger.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
        #expect(
            try ledger.redFlags(runID: first).map { $0.evidence.map(\.reference) } == [["a1", "a2"], ["b1", "b2"]])
        #expect(try ledger.redFlags(runID: second).map { $0.evidence.map(\.reference) } == [["c1", "c2"]])
        try ledger.write { db in try db.execute(sql: "DELETE FROM red_flag_run WHERE id = ?", arguments: [first]) }
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM red_flag_evidence") } == 2)
    }

    @Test("texts are stored up to a NUL, as before; texts longer than the bind buffer, alone or together, whole")
    func texts() throws {
        let ledger = try Ledger.inMemory()
        let long = String(repeating: "ñ", count: 40_000)
        let huge = String(repeating: "x", count: 70_000)
        let flags = [
            RedFlag(
                indicatorID: "TR01", severity: .alto,
                subject: RedFlagSubject(kind: .unidad, id: "a\u{0}b", label: long),
                ejercicio: 2022, detail: long + "fin",
                evidence: [RedFlagEvidence(referenceKind: "NOG", reference: huge)]),
            RedFlag(
                indicatorID: "TR01", severity: .alto, subject: RedFlagSubject(kind: .unidad, id: "", label: "corto"),
                ejercicio: 2022, detail: "", evidence: [RedFlagEvidence(referenceKind: "NOG", reference: "1", note: "")]
            ),
        ]
        let run = RedFlagRun(
            ejercicio: 2022, parametersHash: "h", parametersText: "p", indicators: [], flags: flags, purchasesRead: 2)
        let id = try #require(try ledger.storeRedFlagRun(run, toolVersion: "t", startedAt: Date()).id)
        let stored = try ledger.redFlags(runID: id)
        #expect(stored.map(\.subject.id) == ["a", ""])
        #expect(stored.map(\.subject.label) == [long, "corto"])
        #expect(stored.map(\.detail) == [long + "fin", ""])
        #expect(stored.map { $0.evidence.map(\.reference) } == [[huge], ["1"]])
        #expect(stored[1].evidence.first?.note == "")
    }
}
