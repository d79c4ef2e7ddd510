import Foundation
import GRDB

/// The one owner of the ledger database: provenance of every import, metas, procurement, execution and links.
///
/// Every write is one transaction, so an import either lands whole or not at all.
public struct Ledger: Sendable {
    /// The GRDB writer (a queue on a file, or in memory for tests); GRDB stays inside this module.
    let writer: any DatabaseWriter
    /// Where the database lives (`:memory:` for in-memory ledgers).
    public let path: String
    /// The year's execution added up by SQL, kept while nothing is written (``currentExecutionTotals(ejercicio:entidad:unidadEjecutora:by:)``).
    let executionTotalsMemo = ReadMemo<ExecutionTotalsQuery, ExecutionTotals?>(capacity: 4)

    /// Opens (and migrates) a ledger on an existing writer.
    ///
    /// Migrations are only run (in a write transaction) when some are missing, so opening an up-to-date
    /// ledger only reads: a report never waits for an import that is writing.
    /// - Throws: ``LedgerError/newerSchema(path:)`` when a newer tool wrote it.
    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        let migrator = Migrations.migrator
        let (superseded, complete) = try writer.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded { throw LedgerError.newerSchema(path: path) }
        if !complete { try migrator.migrate(writer) }
    }

    /// How long a write waits for another process's write to finish before giving up with
    /// ``LedgerError/busy(path:)``: long enough for a short import to end, short enough not to look hung.
    public static let defaultBusyTimeout: TimeInterval = 10

    /// Opens the ledger at a path.
    ///
    /// The database is in WAL mode, so reading (reports, checks, exports) never waits for an import that is
    /// writing, and an import never waits for readers. Two writers cannot run at once: the second waits up to
    /// `busyTimeout` for the first to finish, then fails with ``LedgerError/busy(path:)``.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - create: when false, a missing file is an error instead of being created.
    ///   - busyTimeout: how long a write waits for another process's write.
    public static func open(path: String, create: Bool = false, busyTimeout: TimeInterval = defaultBusyTimeout) throws
        -> Ledger
    {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw LedgerError.notInitialized(path: path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        // WAL is set by hand rather than with GRDB's `.wal`, which writes a dummy table whenever the `-wal` file is
        // empty: that write would make a report wait for (or fail on) an import holding the write lock.
        // Switching an older ledger to WAL happens once, waiting like any write.
        configuration.prepareDatabase { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            // Safe in WAL mode against a killed process; only a power cut may lose the last commits, never corrupt.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try opened(path: path, configuration: configuration)
    }

    /// A ledger on the file at `path`, its opening errors said as ``LedgerError``s (not a ledger, busy, or what
    /// SQLite said).
    static func opened(path: String, configuration: Configuration) throws -> Ledger {
        _ = SQLiteSettings.applied
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try Ledger(writer: queue, path: path)
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw LedgerError.notALedger(path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            throw LedgerError.busy(path: path)
        } catch {
            throw LedgerError.database(path: path, cause: "\(error)")
        }
    }

    /// An empty ledger in memory, for tests and dry runs.
    public static func inMemory() throws -> Ledger {
        _ = SQLiteSettings.applied
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try Ledger(writer: DatabaseQueue(configuration: configuration), path: ":memory:")
    }

    /// The identifiers of the migrations applied, in order (for `init` output and tests).
    public func appliedMigrations() throws -> [String] {
        // Registration order, not the names' order: "v10-…" sorts before "v2-…".
        let migrator = Migrations.migrator
        let applied = try writer.read { try migrator.appliedIdentifiers($0) }
        return migrator.migrations.filter(applied.contains)
    }
}
