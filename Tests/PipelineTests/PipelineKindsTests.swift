import Domain
import Foundation
import Ledger
import Pipeline
import TestSupport
import Testing

/// Every source kind goes through the same entry point with the same guarantees.
struct PipelineKindsTests {
    @Test("a file imported twice is read once: the second time changes nothing", arguments: PipelineFixtures.samples)
    func idempotent(kind: SourceKind, path: String) throws {
        let ledger = try Ledger.inMemory()
        let first = try PipelineFixtures.importOne(ledger, PipelineFixtures.sample(path), as: kind)
        guard case .imported(let run) = first.status else {
            Issue.record("\(kind): \(first.status)")
            return
        }
        #expect(first.counts.rowsAccepted > 0)
        #expect(first.counts.inserted + first.counts.updated > 0)
        let second = try PipelineFixtures.importOne(ledger, PipelineFixtures.sample(path), as: kind)
        guard case .alreadyImported(let earlier) = second.status else {
            Issue.record("\(kind): \(second.status)")
            return
        }
        #expect(earlier.id == run.id)
        #expect(second.shape.isEmpty, "an already-imported file is not read")
        #expect(try ledger.importRuns().count == 1)
    }

    @Test(
        "a dry run reads, validates and counts the whole file and leaves the ledger's bytes unchanged",
        arguments: PipelineFixtures.samples)
    func dryRunWritesNothing(kind: SourceKind, path: String) throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("libro.sqlite")
        var ledger: Ledger? = try Ledger.open(path: file.path, create: true)
        if kind != .metas, let opened = ledger {
            _ = try PipelineFixtures.importOne(
                opened, PipelineFixtures.sample("metas/metas-sosep-2022.csv"), as: .metas)
        }
        ledger = nil
        let before = try Data(contentsOf: file)
        let reopened = try Ledger.open(path: file.path)
        let report = try PipelineFixtures.importOne(reopened, PipelineFixtures.sample(path), as: kind, dryRun: true)
        guard case .simulated = report.status else {
            Issue.record("\(kind): \(report.status)")
            return
        }
        #expect(report.counts.rowsRead > 0 && report.counts.rowsAccepted == report.counts.rowsRead)
        #expect(report.counts.inserted + report.counts.updated + report.counts.unchanged > 0, "says what would change")
        #expect(try reopened.importRuns().count == (kind == .metas ? 0 : 1))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test(
        "a row with an error keeps the whole file out; --allow-rejects imports the good rows and stores the reject",
        arguments: PipelineFixtures.withOneBadRow)
    func rejects(kind: SourceKind, name: String) throws {
        let ledger = try Ledger.inMemory()
        let file = try PipelineFixtures.fixture(name)
        let refused = try PipelineFixtures.importOne(ledger, file, as: kind)
        guard case .refused = refused.status else {
            Issue.record("\(kind): \(refused.status)")
            return
        }
        #expect(refused.isFailure)
        #expect(refused.counts.rowsRejected == 1)
        #expect(refused.diagnostics.count(.error) >= 1)
        #expect(try ledger.importRuns().isEmpty)

        let partial = try PipelineFixtures.importOne(ledger, file, as: kind, allowRejects: true)
        guard case .imported(let run) = partial.status else {
            Issue.record("\(kind): \(partial.status)")
            return
        }
        #expect(run.rowsRejected == 1 && run.rowsAccepted >= 1)
        let stored = try ledger.storedDiagnostics(importRunID: run.id, severity: .error)
        #expect(stored.count >= 1)
        #expect(stored.allSatisfy { $0.file == name && $0.line != nil })

        let again = try PipelineFixtures.importOne(ledger, file, as: kind)
        #expect(again.isFailure, "without --allow-rejects the same file is still not acceptable")
        #expect(again.rejectedBefore && again.diagnostics.count(.error) >= 1)
    }
}
