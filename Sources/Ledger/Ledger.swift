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

    /// Opens (and migrates) a ledger on an existing writer.
    /// - Throws: ``LedgerError/newerSchema(path:)`` when a newer tool wrote it.
    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        let migrator = Migrations.migrator
        if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
            throw LedgerError.newerSchema(path: path)
        }
        try migrator.migrate(writer)
    }

    /// Opens the ledger at a path.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - create: when false, a missing file is an error instead of being created.
    public static func open(path: String, create: Bool = false) throws -> Ledger {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw LedgerError.notInitialized(path: path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try Ledger(writer: queue, path: path)
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw LedgerError.notALedger(path: path)
        } catch {
            throw LedgerError.database(path: path, cause: "\(error)")
        }
    }

    /// An empty ledger in memory, for tests and dry runs.
    public static func inMemory() throws -> Ledger {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try Ledger(writer: DatabaseQueue(configuration: configuration), path: ":memory:")
    }

    /// The identifiers of the migrations applied, in order (for `init` output and tests).
    public func appliedMigrations() throws -> [String] {
        try writer.read { try Migrations.migrator.appliedIdentifiers($0) }.sorted()
    }
}
