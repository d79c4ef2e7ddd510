import Domain
import Foundation

/// Stores a red-flag run while the engine computes it: hand it to the engine as its ``RedFlagRunSink``, then
/// ``wait()`` for the stored run.
///
/// ```swift
/// let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: version, startedAt: start)
/// let run: RedFlagRun
/// do { run = try engine.run(inputs, sink: store) } catch { store.abandon(); throw error }
/// let record = try store.wait()
/// ```
///
/// The writing happens in one transaction on a thread of its own, which takes the ledger's write lock as the store
/// is made and keeps it until the commit (seconds for a national year: other writers wait their busy timeout). An
/// abandoned run is rolled back: nothing of it stays.
public final class RedFlagRunStore: RedFlagRunSink, @unchecked Sendable {
    // @unchecked: `events` and `head` are used only under `condition`; `result` is written by the writing thread
    // before `done` is signalled and read only after.
    fileprivate enum Event {
        case raised(indicator: Int, flags: [RedFlag])
        case finished(RedFlagRun, origins: [Int])
        case abandoned
    }

    private let condition = NSCondition()
    private var events: [Event] = []
    private var head = 0
    private var result: Result<RedFlagRunRecord?, any Error>?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ ledger: Ledger, ejercicio: Int, toolVersion: String, startedAt: Date) {
        let thread = Thread { [self] in
            result = Result {
                try ledger.storeRedFlagRun(
                    from: self, ejercicio: ejercicio, toolVersion: toolVersion, startedAt: startedAt)
            }
            done.signal()
        }
        thread.start()
    }

    public func raised(indicator: Int, flags: [RedFlag]) { post(.raised(indicator: indicator, flags: flags)) }

    public func finished(_ run: RedFlagRun, origins: [Int]) { post(.finished(run, origins: origins)) }

    /// Tells the store the run will not finish (the engine failed): what it wrote is rolled back.
    public func abandon() { post(.abandoned) }

    /// Waits until the run is stored and returns its row; nil when the run was abandoned.
    /// - Throws: the ledger's error when the run could not be stored (nothing of it stays).
    public func wait() throws -> RedFlagRunRecord? {
        if !waited {
            done.wait()
            waited = true
        }
        guard let result else { throw LedgerError.database(path: "", cause: "el guardado terminó sin resultado") }
        return try result.get()
    }

    private func post(_ event: Event) {
        condition.lock()
        events.append(event)
        condition.signal()
        condition.unlock()
    }

    /// The writing thread's next event, waiting for it.
    fileprivate func next() -> Event {
        condition.lock()
        defer { condition.unlock() }
        while head == events.count { condition.wait() }
        let event = events[head]
        // The flags are the writer's now: the queue lets go of them.
        events[head] = .abandoned
        head += 1
        return event
    }
}

extension Ledger {
    /// A store that writes a run as the engine raises its flags (``RedFlagRunStore``), starting now.
    public func redFlagRunStore(ejercicio: Int, toolVersion: String, startedAt: Date) -> RedFlagRunStore {
        RedFlagRunStore(self, ejercicio: ejercicio, toolVersion: toolVersion, startedAt: startedAt)
    }

    /// The writing side of a ``RedFlagRunStore``: one transaction, committed when the run is finished, rolled back
    /// when it is abandoned or anything fails.
    fileprivate func storeRedFlagRun(
        from store: RedFlagRunStore, ejercicio: Int, toolVersion: String, startedAt: Date
    ) throws -> RedFlagRunRecord? {
        try bulkWrite { db in
            var writer = try RedFlagRunWriter(db, ejercicio: ejercicio, toolVersion: toolVersion, startedAt: startedAt)
            while true {
                switch store.next() {
                case .raised(let indicator, let flags):
                    try writer.add(indicator: indicator, flags: flags)
                case .finished(let run, let origins):
                    let record = try writer.finish(run, origins: origins, finishedAt: Date())
                    return (commit: true, value: record)
                case .abandoned:
                    return (commit: false, value: nil)
                }
            }
        }
    }
}
