import Domain
import Foundation
import Ledger
import Testing

@testable import RedFlags

/// The engine hands each indicator's flags over as soon as it has run and the run's order at the end; a run stored
/// that way is the run the engine returned.
struct StreamedStoreTests {
    /// Records what the engine hands over.
    private final class Recorder: RedFlagRunSink, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var batches: [Int: [RedFlag]] = [:]
        private(set) var repeated = false
        private(set) var finished: (run: RedFlagRun, origins: [Int])?

        func raised(indicator: Int, flags: [RedFlag]) {
            lock.lock()
            repeated = repeated || batches[indicator] != nil || finished != nil
            batches[indicator] = flags
            lock.unlock()
        }

        func finished(_ run: RedFlagRun, origins: [Int]) {
            lock.lock()
            finished = (run, origins)
            lock.unlock()
        }
    }

    @Test("every indicator's flags are handed over once, and the origins put them in the run's order")
    func handedOver() throws {
        let ledger = try Ledger.inMemory()
        try SyntheticYear(seed: 20_220_601).store(in: ledger)
        let recorder = Recorder()
        let run = try RedFlagEngine().run(try ledger.flagInputs(ejercicio: 2022), sink: recorder)
        let finished = try #require(recorder.finished)
        #expect(!recorder.repeated)
        #expect(recorder.batches.keys.sorted() == Array(run.indicators.indices))
        #expect(finished.run == run)
        let raised = run.indicators.indices.flatMap { recorder.batches[$0] ?? [] }
        #expect(finished.origins.map { raised[$0] } == run.flags)
        #expect(run.flags.count > 100)
        #expect(run == (try RedFlagEngine().run(try ledger.flagInputs(ejercicio: 2022))))
    }

    @Test("a run stored while computed reads back as the run, and as the same run stored after")
    func storedWhileComputed() throws {
        let ledger = try Ledger.inMemory()
        try SyntheticYear(seed: 20_220_601).store(in: ledger)
        let inputs = try ledger.flagInputs(ejercicio: 2022)
        let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: "t", startedAt: Date())
        let run = try RedFlagEngine().run(inputs, sink: store)
        let record = try #require(try store.wait())
        let streamed = try ledger.redFlags(runID: try #require(record.id))
        #expect(streamed == run.flags)
        let after = try ledger.storeRedFlagRun(run, toolVersion: "t", startedAt: Date())
        #expect(try ledger.redFlags(runID: try #require(after.id)) == streamed)
        #expect(record.flags == after.flags && record.parametersHash == after.parametersHash)
    }

    @Test("a run of some indicators hands over exactly those, in the run's own numbering")
    func subset() throws {
        let ledger = try Ledger.inMemory()
        try SyntheticYear(seed: 20_220_601).store(in: ledger)
        let recorder = Recorder()
        let run = try RedFlagEngine().run(
            try ledger.flagInputs(ejercicio: 2022), ids: ["TR03", "TR01"], sink: recorder)
        #expect(run.indicators.map(\.info.id) == ["TR01", "TR03"])
        #expect(recorder.batches.keys.sorted() == [0, 1])
        #expect(recorder.batches[0]?.allSatisfy { $0.indicatorID == "TR01" } == true)
        #expect(recorder.batches[1]?.allSatisfy { $0.indicatorID == "TR03" } == true)
        let raised = (recorder.batches[0] ?? []) + (recorder.batches[1] ?? [])
        #expect(recorder.finished.map { $0.origins.map { raised[$0] } } == run.flags)
    }
}
