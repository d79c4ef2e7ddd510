import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

/// A ledger shared by an import that is writing and other commands: WAL mode, a bounded wait for writers.
@Suite(.serialized)
struct LedgerConcurrencyTests {
    private static let source = ImportSource(sourceKind: "resumen", fileName: "r.csv", sha256: "r1", bytes: 1)
    private static let share = DeclaredShare(
        ejercicio: 2022, line: 2, label: "Uno", productCode: "P01", amount: Money(quetzales: 1), declaredPercent: "100",
        isTotal: false)

    /// Holds a write transaction on `path` from another connection until `release` is signalled.
    private static func holdWriteLock(_ path: String, release: DispatchSemaphore) throws -> DispatchSemaphore {
        let holder = try DatabaseQueue(path: path)
        let held = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.write { _ in
                held.signal()
                release.wait()
            }
            // Closing checkpoints the WAL under an exclusive lock: done only after it, not when the thread lets go.
            try? holder.close()
            done.signal()
        }
        held.wait()
        return done
    }

    /// Runs `body` with the path of a new ledger whose write lock another connection holds until `body` returns.
    private static func whileAnotherWrites(_ body: (String) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("libro.sqlite").path
        _ = try Ledger.open(path: path, create: true)
        let release = DispatchSemaphore(value: 0)
        let done = try holdWriteLock(path, release: release)
        defer {
            release.signal()
            done.wait()
        }
        try body(path)
    }

    @Test("the ledger is in WAL mode, so readers never wait for a writer")
    func walMode() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Ledger.open(path: directory.file("libro.sqlite").path, create: true)
        #expect(try ledger.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("while another connection writes, opening and reading do not wait; a write waits its timeout, then is busy")
    func busyWriter() throws {
        try Self.whileAnotherWrites { path in try busyWriter(path) }
    }

    private func busyWriter(_ path: String) throws {
        let start = Date()
        let ledger = try Ledger.open(path: path, busyTimeout: 0.5)
        #expect(try ledger.importRuns().isEmpty)
        #expect(Date().timeIntervalSince(start) < 0.4, "opening and reading must not wait for the writer")

        let writeStart = Date()
        do {
            _ = try ledger.importDeclaredShares([Self.share], source: Self.source, toolVersion: "t")
            Issue.record("the write should have been refused while another connection writes")
        } catch {
            #expect(Date().timeIntervalSince(writeStart) >= 0.45, "the write waits its timeout first")
            let explained = LedgerError.explaining(error)
            guard case LedgerError.busy = explained else {
                Issue.record("expected LedgerError.busy, got \(error)")
                return
            }
            #expect(explained.localizedDescription.contains("otra importación lo está escribiendo"))
        }
    }

    @Test("a write that waits less than its timeout goes through once the other writer finishes")
    func writerWaits() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("libro.sqlite").path
        _ = try Ledger.open(path: path, create: true)
        let release = DispatchSemaphore(value: 0)
        let done = try Self.holdWriteLock(path, release: release)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { release.signal() }
        let ledger = try Ledger.open(path: path, busyTimeout: 10)
        let start = Date()
        _ = try ledger.importDeclaredShares([Self.share], source: Self.source, toolVersion: "t")
        #expect(Date().timeIntervalSince(start) >= 0.4)
        #expect(try ledger.declaredShares().count == 1)
        done.wait()
    }

    @Test("a red-flag store takes the write lock only with the first flags, and a busy one fails fast and says so")
    func redFlagStoreBusy() throws {
        try Self.whileAnotherWrites { path in try redFlagStoreBusy(path) }
    }

    private func redFlagStoreBusy(_ path: String) throws {
        let ledger = try Ledger.open(path: path, busyTimeout: 0.3)
        // Abandoned before any flags: it never asked for the lock, so it does not wait for it.
        let idle = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
        let start = Date()
        idle.abandon()
        #expect(try idle.wait() == nil)
        #expect(Date().timeIntervalSince(start) < 0.25)
        // With flags to write, it waits its timeout, fails as busy, drops what comes after, and says so every time.
        let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
        let flag = RedFlag(
            indicatorID: "TR01", severity: .alto, subject: RedFlagSubject(kind: .unidad, id: "u", label: "U"),
            ejercicio: 2022, detail: "d", evidence: [RedFlagEvidence(referenceKind: "NOG", reference: "1")])
        store.raised(indicator: 0, flags: [flag])
        Thread.sleep(forTimeInterval: 0.5)
        store.raised(indicator: 1, flags: [flag])
        for _ in 0..<2 {
            #expect(throws: (any Error).self) { try store.wait() }
            do {
                _ = try store.wait()
            } catch {
                guard case LedgerError.busy = LedgerError.explaining(error) else {
                    Issue.record("expected LedgerError.busy, got \(error)")
                    return
                }
            }
        }
    }
}
