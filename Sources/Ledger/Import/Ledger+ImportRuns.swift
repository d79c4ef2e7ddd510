import Domain
import Foundation
import GRDB

extension Ledger {
    /// The earlier import of the same file as the same kind, if any.
    public func existingRun(sourceKind: String, sha256: String) throws -> ImportRun? {
        try read { db in
            try ImportRunRecord.all().filter(sourceKind: sourceKind, sha256: sha256).fetchOne(db)?.run
        }
    }

    /// The diagnostics stored with an import run (rejected rows, warnings, repairs), in the order they were found.
    /// - Parameters:
    ///   - severity: only this severity, when given.
    ///   - limit: at most this many (a run may hold millions of rejects).
    public func storedDiagnostics(
        importRunID: Int64, severity: Diagnostic.Severity? = nil, limit: Int? = nil
    ) throws -> [Diagnostic] {
        try read { db in
            let run = try ImportRunRecord.fetchOne(db, key: importRunID)
            var request = ImportDiagnosticRecord.filter(Column("import_run_id") == importRunID)
            if let severity { request = request.filter(Column("severity") == severity.rawValue) }
            if let limit { request = request.limit(limit) }
            return try request.order(Column("id")).fetchAll(db).map { $0.diagnostic(file: run?.fileName ?? "") }
        }
    }

    /// Every import run, oldest first.
    public func importRuns() throws -> [ImportRun] {
        try read { db in try ImportRunRecord.order(Column("id")).fetchAll(db).compactMap(\.run) }
    }

    /// Runs one import in a single transaction: the `import_run` row, then whatever `body` writes through the
    /// session. A file already imported (same kind and SHA-256) changes nothing and `body` is not called.
    ///
    /// - Parameters:
    ///   - source: the file's identity.
    ///   - toolVersion: the version of the tool writing the run.
    ///   - checkingReferences: false for an import whose writes only reference rows that exist in this
    ///     transaction (rows it made, or found there, and the run's own row): SQLite's foreign-key lookups are then
    ///     off for it (the pragma only takes effect outside a transaction) and put back after, whatever happens.
    ///     Such an import must delete what a cascade would have deleted itself.
    ///   - body: writes the records and says whether to keep them.
    /// - Throws: what `body` throws (nothing is kept), or ``LedgerError`` when SQLite fails.
    public func importing(
        _ source: ImportSource, toolVersion: String, checkingReferences: Bool = true,
        body: (ImportSession) throws -> ImportSession.Ending
    ) throws -> ImportOutcome {
        try write { db in
            if checkingReferences { return try importing(db, source, toolVersion: toolVersion, body: body) }
            return try withoutForeignKeyLookups(db) { try importing(db, source, toolVersion: toolVersion, body: body) }
        }
    }

    /// ``importing(_:toolVersion:checkingReferences:body:)`` on the write connection, foreign-key look-ups as set.
    private func importing(
        _ db: Database, _ source: ImportSource, toolVersion: String,
        body: (ImportSession) throws -> ImportSession.Ending
    ) throws -> ImportOutcome {
        // A session may raise the page cache for its writes (``ImportSession/procurements()``); it is put back
        // after, whatever happens.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        var outcome: ImportOutcome?
        try db.inTransaction {
            if let existing = try ImportRunRecord.all().filter(sourceKind: source.sourceKind, sha256: source.sha256)
                .fetchOne(db), let run = existing.run
            {
                outcome = .alreadyImported(run)
                return .rollback
            }
            let started = Date()
            var record = ImportRunRecord(
                sourceKind: source.sourceKind, fileName: source.fileName, sha256: source.sha256,
                bytes: source.bytes, sourceURL: source.sourceURL, etag: source.etag, startedAt: started,
                finishedAt: started, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, toolVersion: toolVersion)
            try record.insert(db)
            guard let runID = record.id else { throw LedgerError.database(path: path, cause: "import_run sin id") }
            let session = ImportSession(db: db, importRunID: runID, path: path)
            switch try body(session) {
            case .rollback(let counts):
                outcome = .rolledBack(counts.with(keys: session.keyCounts))
                return .rollback
            case .commit(let counts):
                try session.finishWrites()
                let counts = counts.with(keys: session.keyCounts)
                record.rowsRead = counts.rowsRead
                record.rowsAccepted = counts.rowsAccepted
                record.rowsRejected = counts.rowsRejected
                record.finishedAt = Date()
                try record.update(db)
                guard let run = record.run else {
                    throw LedgerError.database(path: path, cause: "import_run sin id")
                }
                outcome = .imported(run, counts)
                return .commit
            }
        }
        guard let outcome else { throw LedgerError.database(path: path, cause: "importación sin resultado") }
        return outcome
    }
}

extension ImportCounts {
    /// These row counts with the natural-key counts of a session.
    func with(keys: ImportCounts) -> ImportCounts {
        var counts = self
        counts.inserted = keys.inserted
        counts.updated = keys.updated
        counts.unchanged = keys.unchanged
        return counts
    }

    /// Counts one natural key: `nil` when it is new, else whether its content was the same.
    mutating func tally(existing sameContent: Bool?) {
        switch sameContent {
        case nil: inserted += 1
        case true?: unchanged += 1
        case false?: updated += 1
        }
    }
}

extension DerivableRequest<ImportRunRecord> {
    /// The run of a given file imported as a given kind.
    func filter(sourceKind: String, sha256: String) -> Self {
        filter(ImportRunRecord.Columns.sourceKind == sourceKind && ImportRunRecord.Columns.sha256 == sha256)
    }
}
