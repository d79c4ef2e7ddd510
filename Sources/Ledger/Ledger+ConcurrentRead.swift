import Dispatch
import GRDB

extension Ledger {
    /// Runs two reads at the same time on two connections that see the same committed state, and returns both
    /// results.
    ///
    /// A red-flag run reads a national year's purchases and its execution evidence: a second of SQLite each, one
    /// after the other on one connection while the other core sat idle. Two connections in WAL mode read at once,
    /// but each read transaction sees the database as of its own start, and an import committing between the two
    /// starts would give two halves of different states. So the second connection notes SQLite's `data_version`
    /// before the first transaction starts and again inside its own: equal values mean no commit came between,
    /// and both see one state. When they differ, the pair is read again; after a second miss, both halves are
    /// read one after the other in one transaction, as an in-memory ledger always does.
    /// - Parameter betweenStarts: called after the first read's state is fixed and before the second's (tests use
    ///   it to commit in between).
    func readConcurrently<First: Sendable, Second: Sendable>(
        _ first: @escaping @Sendable (Database) throws -> First,
        _ second: @escaping @Sendable (Database) throws -> Second,
        betweenStarts: @Sendable () throws -> Void = {}
    ) throws -> (First, Second) {
        if path != ":memory:" {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(Self.defaultBusyTimeout)
            let other = try DatabaseQueue(path: path, configuration: configuration)
            for _ in 0..<2 {
                if let both = try readPair(first, second, other: other, betweenStarts: betweenStarts) { return both }
            }
        }
        return try read { db in (try first(db), try second(db)) }
    }

    /// One attempt of ``readConcurrently(_:_:betweenStarts:)``: nil when a commit came between the two starts.
    private func readPair<First: Sendable, Second: Sendable>(
        _ first: @escaping @Sendable (Database) throws -> First,
        _ second: @escaping @Sendable (Database) throws -> Second,
        other: DatabaseQueue, betweenStarts: () throws -> Void
    ) throws -> (First, Second)? {
        let before = try other.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        let firstStarted = DispatchSemaphore(value: 0)
        let firstDone = DispatchSemaphore(value: 0)
        let firstResult = ResultBox<First>()
        DispatchQueue.global().async { [writer] in
            var started = false
            let result = Result {
                try writer.read { db in
                    // A read transaction takes its snapshot at its first read, not at BEGIN.
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    started = true
                    firstStarted.signal()
                    return try first(db)
                }
            }
            if !started { firstStarted.signal() }
            firstResult.value = result
            firstDone.signal()
        }
        firstStarted.wait()
        let secondResult: Result<Second?, any Error>
        do {
            try betweenStarts()
            secondResult = Result {
                try other.read { db -> Second? in
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    let now = try Int.fetchOne(db, sql: "PRAGMA data_version")
                    return now == before ? try second(db) : nil
                }
            }
        } catch {
            secondResult = .failure(error)
        }
        firstDone.wait()
        let firstValue = try firstResult.get()
        guard let secondValue = try secondResult.get() else { return nil }
        return (firstValue, secondValue)
    }
}

/// Where a read on another thread leaves its result for the thread that waits on it (written before a semaphore
/// or group signal, read after the wait).
final class ResultBox<Value>: @unchecked Sendable {
    var value: Result<Value, any Error>?

    func get() throws -> Value {
        guard let value else { throw LedgerError.database(path: "", cause: "lectura concurrente sin resultado") }
        return try value.get()
    }
}
