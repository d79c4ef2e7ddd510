import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// A run stored while it is computed (``RedFlagRunStore``) holds the same rows as one stored after, whatever order
/// its indicators finish in; an abandoned or inconsistent run leaves nothing.
struct RedFlagRunStoreTests {
    /// Three indicators' flags, each with its own evidence, in the order each indicator raised them.
    private let raised: [[RedFlag]] = [
        [flag("TR01", .informativo, 5, "a"), flag("TR01", .alto, 9, "b")],
        [],
        [flag("TR03", .alto, 7, "c"), flag("TR03", .medio, 1, "d"), flag("TR03", .alto, 7, "e")],
    ]

    private static func flag(_ id: String, _ severity: RedFlagSeverity, _ quetzales: Int64, _ subject: String)
        -> RedFlag
    {
        RedFlag(
            indicatorID: id, severity: severity, subject: RedFlagSubject(kind: .unidad, id: subject, label: "U"),
            ejercicio: 2022, value: nil, amount: Money(quetzales: quetzales), detail: "detalle " + subject,
            evidence: (1...subject.unicodeScalars.first!.value % 3 + 1).map {
                RedFlagEvidence(referenceKind: "NOG", reference: "\(subject)\($0)")
            })
    }

    private func flag(_ id: String, _ severity: RedFlagSeverity, _ quetzales: Int64, _ subject: String) -> RedFlag {
        Self.flag(id, severity, quetzales, subject)
    }

    /// The run as the engine would finish it: its flags in a display order given by `origins`.
    private func run(origins: [Int]) -> RedFlagRun {
        let all = raised.flatMap { $0 }
        let outcome = { (id: String, count: Int) in
            RedFlagRun.IndicatorOutcome(
                info: RedFlagIndicatorInfo(
                    id: id, nameES: id, nameEN: id, family: .fraccionamiento, summary: "", explanation: "",
                    sources: ""),
                parameters: [], flagCount: count, evaluated: 10)
        }
        return RedFlagRun(
            ejercicio: 2022, parametersHash: "h", parametersText: "p",
            indicators: [outcome("TR01", 2), outcome("TR02", 0), outcome("TR03", 3)],
            flags: origins.map { all[$0] }, purchasesRead: 10, notes: ["nota"])
    }

    private func count(_ table: String, _ ledger: Ledger) throws -> Int {
        try ledger.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") } ?? -1
    }

    @Test("indicators finishing in any order store the run's flags in its order, each with its own evidence")
    func anyOrder() throws {
        let origins = [1, 2, 4, 3, 0]
        let expected = run(origins: origins)
        let reference = try Ledger.inMemory()
        let referenceID = try #require(
            try reference.storeRedFlagRun(expected, toolVersion: "t", startedAt: Date(), finishedAt: Date()).id)
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let ledger = try Ledger.inMemory()
            let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
            for indicator in order { store.raised(indicator: indicator, flags: raised[indicator]) }
            store.finished(expected, origins: origins)
            let record = try #require(try store.wait())
            let id = try #require(record.id)
            #expect(try ledger.redFlags(runID: id) == expected.flags, "orden \(order)")
            #expect(record.flags == 5 && record.purchasesRead == 10 && record.indicatorIDs == "TR01,TR02,TR03")
            #expect(record.notes == "nota" && record.parametersHash == "h")
            let stored = try #require(try ledger.latestRedFlagRun(ejercicio: 2022))
            let storedReference = try #require(try reference.latestRedFlagRun(ejercicio: 2022))
            #expect(stored.indicators == storedReference.indicators)
            #expect(stored.flags == storedReference.flags)
            #expect(try ledger.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
            #expect(try ledger.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
            #expect(try count("red_flag_run", ledger) == 1)
            // The row as stored, not only as returned: the provisional row was replaced.
            let row = try #require(try ledger.redFlagRuns().first)
            let referenceRow = try #require(try reference.redFlagRuns().first)
            #expect(row.id == id && row.flags == referenceRow.flags && row.notes == referenceRow.notes)
            #expect(row.indicatorIDs == referenceRow.indicatorIDs && row.parameters == referenceRow.parameters)
            #expect(row.purchasesRead == referenceRow.purchasesRead && row.finishedAt >= row.startedAt)
        }
        #expect(referenceID == 1)
    }

    @Test("an abandoned run leaves nothing, and the ledger takes the next write")
    func abandoned() throws {
        let ledger = try Ledger.inMemory()
        let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
        store.raised(indicator: 2, flags: raised[2])
        store.abandon()
        #expect(try store.wait() == nil)
        for table in ["red_flag_run", "red_flag", "red_flag_evidence", "red_flag_run_indicator"] {
            #expect(try count(table, ledger) == 0, "\(table)")
        }
        let next = try ledger.storeRedFlagRun(run(origins: [0, 1, 2, 3, 4]), toolVersion: "t", startedAt: Date())
        #expect(next.id != nil)
    }

    @Test("a run that does not hold exactly the flags received is refused and nothing of it stays")
    func mismatched() throws {
        // Too few origins, an origin twice, flags missing, one indicator twice (4 flags for a 4-flag run).
        let cases: [([Int], [Int])] = [
            ([0, 2], [0, 1, 2, 3]), ([0, 2], [0, 1, 1, 3, 4]), ([0], [0, 1, 2, 3, 4]), ([0, 0], [3, 2, 1, 0]),
        ]
        for (delivered, origins) in cases {
            let ledger = try Ledger.inMemory()
            let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
            for indicator in delivered { store.raised(indicator: indicator, flags: raised[indicator]) }
            var finished = run(origins: [0, 1, 2, 3, 4])
            finished.flags = origins.map { finished.flags[min($0, 4)] }
            if delivered == [0, 0] { finished.flags = origins.map { raised[0][$0 % 2] } }
            store.finished(finished, origins: origins)
            #expect(throws: LedgerError.self) { try store.wait() }
            #expect(try count("red_flag_run", ledger) == 0 && count("red_flag_evidence", ledger) == 0)
        }
    }

    @Test("flag ids are never handed out twice, even those of a deleted run")
    func idsNotReused() throws {
        let ledger = try Ledger.inMemory()
        let first = try #require(
            try ledger.storeRedFlagRun(run(origins: [0, 1, 2, 3, 4]), toolVersion: "t", startedAt: Date()).id)
        let used = try ledger.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM red_flag") } ?? 0
        try ledger.write { db in try db.execute(sql: "DELETE FROM red_flag_run WHERE id = ?", arguments: [first]) }
        #expect(try count("red_flag", ledger) == 0 && count("red_flag_evidence", ledger) == 0)
        let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
        for indicator in [2, 0, 1] { store.raised(indicator: indicator, flags: raised[indicator]) }
        store.finished(run(origins: [4, 3, 2, 1, 0]), origins: [4, 3, 2, 1, 0])
        let second = try #require(try store.wait()?.id)
        let lowest = try ledger.read {
            try Int64.fetchOne($0, sql: "SELECT MIN(id) FROM red_flag WHERE red_flag_run_id = ?", arguments: [second])
        }
        #expect(try #require(lowest) > used)
        #expect(try ledger.redFlags(runID: second) == run(origins: [4, 3, 2, 1, 0]).flags)
    }

    @Test("flags handed over under the wrong indicator do not match the run's flags at their places: refused")
    func swappedIndicators() throws {
        let ledger = try Ledger.inMemory()
        let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
        store.raised(indicator: 0, flags: raised[2])
        store.raised(indicator: 1, flags: raised[1])
        store.raised(indicator: 2, flags: raised[0])
        store.finished(run(origins: [0, 1, 2, 3, 4]), origins: [0, 1, 2, 3, 4])
        #expect(throws: LedgerError.self) { try store.wait() }
        #expect(try count("red_flag_run", ledger) == 0 && count("red_flag", ledger) == 0)
    }
}
