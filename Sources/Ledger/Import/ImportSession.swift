import Domain
import Foundation
import GRDB

/// One import's open transaction: where an import writes its records, rejects and warnings.
///
/// It is only valid inside the body of ``Ledger/importing(_:toolVersion:body:)``; everything written through it
/// lands together when the body ends with ``Ending/commit(_:)`` and disappears with ``Ending/rollback(_:)``.
public final class ImportSession {
    /// How the body ends the transaction, with the row counts the run records.
    public enum Ending: Sendable {
        /// Keep everything.
        case commit(ImportCounts)
        /// Undo everything (a dry run, or a file refused once read).
        case rollback(ImportCounts)
    }

    let db: Database
    /// The `import_run` row this import writes under.
    public let importRunID: Int64
    let path: String
    private var procurementSink: ProcurementSink?
    private var executionSink: ExecutionSink?
    private var ownKeys = ImportCounts()
    private(set) lazy var notes = ImportNoteWriter(db: db, importRunID: importRunID)
    /// Diagnostics stored with the run so far.
    public private(set) var storedDiagnostics = 0

    init(db: Database, importRunID: Int64, path: String) {
        self.db = db
        self.importRunID = importRunID
        self.path = path
    }

    /// Natural keys this import inserted, updated or left unchanged so far.
    public var keyCounts: ImportCounts {
        var counts = ownKeys
        for other in [procurementSink?.keyCounts, executionSink?.keyCounts].compactMap({ $0 }) {
            counts.inserted += other.inserted
            counts.updated += other.updated
            counts.unchanged += other.unchanged
        }
        return counts
    }

    /// Where procurements are upserted by NOG.
    public func procurements() -> ProcurementSink {
        if let procurementSink { return procurementSink }
        // Procurements land all over five text indexes (NOG, ocid, folded names…): with SQLite's default 2 MB
        // cache a national package spilled the same index pages to the WAL again and again (a 601 MB record
        // package: 2.6 s of system time, 1.1 s with 16 MB). Only a faster import is lost if this fails.
        try? db.execute(sql: "PRAGMA cache_size = \(Self.procurementCacheSize)")
        let sink = ProcurementSink(db: db, importRunID: importRunID, path: path)
        procurementSink = sink
        return sink
    }

    /// Writes what the session's sinks still hold in their batches: the import's transaction is about to be kept
    /// (or a dry run to end), and every row must have been written, and checked by SQLite, by then.
    public func finishWrites() throws {
        try procurementSink?.flush()
        try notes.flush()
    }

    /// The page cache of an import of procurements, in KiB (SQLite's negative form).
    static let procurementCacheSize = -16_384

    /// Where budget lines are written under the import's cut-off.
    public func execution() throws -> ExecutionSink {
        if let executionSink { return executionSink }
        let sink = try ExecutionSink(db: db, importRunID: importRunID, path: path)
        executionSink = sink
        return sink
    }

    /// Stores a rejected row's diagnostic with the run (`--allow-rejects`).
    public func reject(_ diagnostic: Diagnostic) throws {
        try store(diagnostic)
    }

    /// Stores a warning or note with the run.
    public func note(_ diagnostic: Diagnostic) throws {
        try store(diagnostic)
    }

    private func store(_ diagnostic: Diagnostic) throws {
        try notes.add(diagnostic)
        storedDiagnostics += 1
    }

    /// Counts one natural key written by this session directly (metas, summaries, evidence).
    func tally(existing sameContent: Bool?) { ownKeys.tally(existing: sameContent) }
}
