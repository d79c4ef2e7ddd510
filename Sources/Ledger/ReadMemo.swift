import GRDB
import Synchronization

/// Results of costly reads that several steps of one command ask for alike, kept while the ledger is unchanged.
///
/// A publication adds a national year's execution up by activity for its `ejecucion_por_actividad` table and again
/// for three checks: over a second of SQLite each time for the same answer. A result is given back only when the
/// connection has written nothing (`sqlite3_total_changes`) and no other connection has committed
/// (`PRAGMA data_version`) since it was read, so an import in between, in this process or another, is always seen.
/// Both counters are the connection's own: the memo holds only while every read and write of the ledger goes through
/// one connection (``Ledger``'s `DatabaseQueue`); a pool of readers would need a stamp per connection. Schema
/// changes do not move `total_changes`: they come only with migrations, when a ledger is opened.
final class ReadMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// What the connection had seen when a result was read.
    private struct Stamp: Equatable {
        var dataVersion: Int
        var totalChanges: Int
    }

    private let entries = Mutex<[Key: (stamp: Stamp, value: Value)]>([:])
    /// Results kept at most: when full, all are dropped before the next is kept.
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The result kept for `key` if the ledger is unchanged since it was read, else what `read` gives (then kept).
    /// Must be called inside a read on the connection the results come from.
    func value(_ key: Key, _ db: Database, read: () throws -> Value) throws -> Value {
        let stamp = try Self.stamp(db)
        if let kept = entries.withLock({ $0[key] }), kept.stamp == stamp { return kept.value }
        let value = try read()
        keep(key, value, stamp: stamp)
        return value
    }

    /// Keeps `value` as the result for `key`, worked out by another read of the same data (the execution listing
    /// adds the lines up as it prints them). Must be called inside that read, on the connection it read from.
    func keep(_ key: Key, _ value: Value, _ db: Database) throws {
        keep(key, value, stamp: try Self.stamp(db))
    }

    /// The result kept for `key` while the ledger is unchanged, without reading anything (nil when there is none).
    func kept(_ key: Key, _ db: Database) throws -> Value? {
        let stamp = try Self.stamp(db)
        guard let kept = entries.withLock({ $0[key] }), kept.stamp == stamp else { return nil }
        return kept.value
    }

    private func keep(_ key: Key, _ value: Value, stamp: Stamp) {
        entries.withLock { entries in
            entries = entries.filter { $0.value.stamp == stamp }
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = (stamp, value)
        }
    }

    private static func stamp(_ db: Database) throws -> Stamp {
        Stamp(dataVersion: try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0, totalChanges: db.totalChangesCount)
    }
}
