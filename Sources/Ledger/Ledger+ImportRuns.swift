import Domain
import Foundation
import GRDB

extension Ledger {
    /// The earlier import of the same file as the same kind, if any.
    public func existingRun(sourceKind: String, sha256: String) throws -> ImportRunRecord? {
        try writer.read { db in try ImportRunRecord.all().filter(sourceKind: sourceKind, sha256: sha256).fetchOne(db) }
    }

    /// The warnings and rejected rows stored with an import run, in the order they were found.
    public func storedDiagnostics(importRunID: Int64) throws -> [Diagnostic] {
        try writer.read { db in
            let run = try ImportRunRecord.fetchOne(db, key: importRunID)
            return try ImportDiagnosticRecord.filter(Column("import_run_id") == importRunID).order(Column("id")).fetchAll(db)
                .map { $0.diagnostic(file: run?.fileName ?? "") }
        }
    }

    /// Every import run, oldest first.
    public func importRuns() throws -> [ImportRunRecord] {
        try writer.read { db in try ImportRunRecord.order(Column("id")).fetchAll(db) }
    }

    /// Records one import in a single transaction: the run row, the rows `write` stores, and the
    /// warnings and rejects among `diagnostics`. A file already imported (same kind and SHA-256)
    /// changes nothing.
    ///
    /// - Parameters:
    ///   - source: the file's identity.
    ///   - toolVersion: the version of the tool writing the run.
    ///   - diagnostics: non-blocking diagnostics to store with the run.
    ///   - write: stores the rows, tagging each with the run id, and returns the counts.
    package func recordImport(
        _ source: ImportSource, toolVersion: String, diagnostics: [Diagnostic] = [],
        write: (Database, Int64) throws -> ImportCounts
    ) throws -> ImportOutcome {
        let outcome = try recordImport(source, toolVersion: toolVersion) { db, runID in (try write(db, runID), diagnostics) }
        guard let outcome else { throw LedgerError.database(path: path, cause: "importación sin resultado") }
        return outcome
    }

    /// Records one import in a single transaction, like ``recordImport(_:toolVersion:diagnostics:write:)``,
    /// for sources validated while they are written: `write` returns the counts and the diagnostics to store,
    /// or nil to roll everything back (then this returns nil and nothing is kept).
    package func recordImport(
        _ source: ImportSource, toolVersion: String,
        write: (Database, Int64) throws -> (counts: ImportCounts, diagnostics: [Diagnostic])?
    ) throws -> ImportOutcome? {
        try writer.writeWithoutTransaction { db in
            var outcome: ImportOutcome?
            try db.inTransaction {
                if let existing = try ImportRunRecord.all().filter(sourceKind: source.sourceKind, sha256: source.sha256)
                    .fetchOne(db)
                {
                    outcome = .alreadyImported(existing)
                    return .rollback
                }
                let started = Date()
                var run = ImportRunRecord(
                    sourceKind: source.sourceKind, fileName: source.fileName, sha256: source.sha256, bytes: source.bytes,
                    sourceURL: source.sourceURL, etag: source.etag, startedAt: started, finishedAt: started,
                    rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, toolVersion: toolVersion)
                try run.insert(db)
                guard let runID = run.id else { throw LedgerError.database(path: path, cause: "import_run sin id") }
                guard let (counts, diagnostics) = try write(db, runID) else { return .rollback }
                run.rowsRead = counts.rowsRead
                run.rowsAccepted = counts.rowsAccepted
                run.rowsRejected = counts.rowsRejected
                run.finishedAt = Date()
                try run.update(db)
                for diagnostic in diagnostics where diagnostic.severity != .info {
                    try ImportDiagnosticRecord(diagnostic, importRunID: runID).insert(db)
                }
                outcome = .imported(run, counts)
                return .commit
            }
            return outcome
        }
    }
}

extension DerivableRequest<ImportRunRecord> {
    /// The run of a given file imported as a given kind.
    func filter(sourceKind: String, sha256: String) -> Self {
        filter(ImportRunRecord.Columns.sourceKind == sourceKind && ImportRunRecord.Columns.sha256 == sha256)
    }
}
