import Foundation

/// A request to stop an import (Ctrl-C, SIGTERM): set from any thread, seen by the pipeline between records.
/// A cancelled import rolls its transaction back, so the ledger stays as it was.
public final class ImportCancellation: @unchecked Sendable {
    // @unchecked: every mutable member is guarded by `lock`.
    private let lock = NSLock()
    private var cancelled = false
    private var handlers: [@Sendable () -> Void] = []

    public init() {}

    /// Asks the running import to stop.
    public func cancel() {
        let toRun: [@Sendable () -> Void] = lock.withLock {
            guard !cancelled else { return [] }
            cancelled = true
            return handlers
        }
        for handler in toRun { handler() }
    }

    /// True once ``cancel()`` was called.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Runs `handler` on cancellation (at once if already cancelled).
    func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow: Bool = lock.withLock {
            if cancelled { return true }
            handlers.append(handler)
            return false
        }
        if runNow { handler() }
    }
}
