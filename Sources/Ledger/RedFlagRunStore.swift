import Domain
import Foundation

/// Stores a red-flag run while the engine computes it: hand it to the engine as its ``RedFlagRunSink``, then
/// ``wait()`` for the stored run.
///
/// ```swift
/// let inputs = try ledger.flagInputs(ejercicio: 2022)  // before the store: see below
/// let store = ledger.redFlagRunStore(ejercicio: 2022, toolVersion: version, startedAt: start)
/// let run: RedFlagRun
/// do { run = try engine.run(inputs, sink: store) } catch { store.abandon(); _ = try? store.wait(); throw error }
/// let record = try store.wait()
/// ```
///
/// The writing happens in one transaction on a thread of its own, from the first indicator's flags to the commit:
/// it takes the ledger's write lock then (seconds for a national year; another process's write waits up to its
/// busy timeout, then fails as busy), and it holds this `Ledger`'s only connection, so nothing else may use the
/// same `Ledger` until ``wait()`` returns (a read would wait for the commit, and never get it if the run's end
/// depended on it). Every store must end with ``RedFlagRunSink/finished(_:origins:)`` or ``abandon()``: an
/// abandoned run is rolled back, nothing of it stays. When the writing fails, later flags are dropped at once
/// instead of piling up, and ``wait()`` throws.
public final class RedFlagRunStore: RedFlagRunSink, @unchecked Sendable {
    // @unchecked: `events`, `head`, `closed` and `result` are used only under `condition`.
    fileprivate enum Event {
        case raised(indicator: Int, flags: [RedFlag])
        case finished(RedFlagRun, origins: [Int])
        case abandoned
    }

    private let condition = NSCondition()
    private var events: [Event] = []
    private var head = 0
    /// Set when the writing thread is done, whatever the outcome: events posted after it are dropped.
    private var closed = false
    private var result: Result<RedFlagRunRecord?, any Error>?

    init(_ ledger: Ledger, ejercicio: Int, toolVersion: String, startedAt: Date) {
        let thread = Thread { [self] in
            let outcome = Result {
                try ledger.storeRedFlagRun(
                    from: self, ejercicio: ejercicio, toolVersion: toolVersion, startedAt: startedAt)
            }
            condition.lock()
            result = outcome
            closed = true
            events = []
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    public func raised(indicator: Int, flags: [RedFlag]) { post(.raised(indicator: indicator, flags: flags)) }

    public func finished(_ run: RedFlagRun, origins: [Int]) { post(.finished(run, origins: origins)) }

    /// Tells the store the run will not finish (the engine failed): what it wrote is rolled back.
    public func abandon() { post(.abandoned) }

    /// Waits until the run is stored and returns its row; nil when the run was abandoned. Safe from any thread,
    /// any number of times.
    /// - Throws: the ledger's error when the run could not be stored (nothing of it stays).
    public func wait() throws -> RedFlagRunRecord? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return try result.get() }
            condition.wait()
        }
    }

    private func post(_ event: Event) {
        condition.lock()
        if !closed {
            events.append(event)
            condition.broadcast()
        }
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

    /// The writing side of a ``RedFlagRunStore``: one transaction, begun with the first event (so the write lock
    /// is not held while the engine prepares its context), committed when the run is finished, rolled back when it
    /// is abandoned or anything fails.
    fileprivate func storeRedFlagRun(
        from store: RedFlagRunStore, ejercicio: Int, toolVersion: String, startedAt: Date
    ) throws -> RedFlagRunRecord? {
        var event = store.next()
        if case .abandoned = event { return nil }
        return try bulkWrite { db in
            var writer = try RedFlagRunWriter(
                db, path: path, ejercicio: ejercicio, toolVersion: toolVersion, startedAt: startedAt)
            while true {
                switch event {
                case .raised(let indicator, let flags):
                    try writer.add(indicator: indicator, flags: flags)
                case .finished(let run, let origins):
                    let record = try writer.finish(run, origins: origins, finishedAt: Date())
                    return (commit: true, value: record)
                case .abandoned:
                    return (commit: false, value: nil)
                }
                event = store.next()
            }
        }
    }
}
