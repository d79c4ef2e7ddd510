import Domain
import Foundation
import GRDB

extension Ledger {
    /// Imports procurements streamed by `produce` in one transaction: one `import_run` row, then each procurement
    /// upserted by NOG as the importer hands it over (see ``ProcurementSink``).
    ///
    /// If `produce` throws, nothing is written. A file already imported (same kind and SHA-256) changes nothing
    /// and `produce` is not called. With `dryRun` everything runs (so new/updated counts are exact) and the
    /// transaction is rolled back at the end.
    ///
    /// - Parameters:
    ///   - source: the file's identity.
    ///   - toolVersion: the version of the tool writing the run.
    ///   - dryRun: validate and count without keeping any change.
    ///   - produce: reads the source and hands each procurement to the sink.
    public func importProcurements(
        source: ImportSource, toolVersion: String, dryRun: Bool = false, produce: (ProcurementSink) throws -> Void
    ) throws -> ImportOutcome {
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
                    sourceKind: source.sourceKind, fileName: source.fileName, sha256: source.sha256,
                    bytes: source.bytes, sourceURL: source.sourceURL, etag: source.etag, startedAt: started,
                    finishedAt: started, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, toolVersion: toolVersion)
                try run.insert(db)
                guard let runID = run.id else { throw LedgerError.database(path: path, cause: "import_run sin id") }
                let sink = ProcurementSink(db: db, importRunID: runID)
                try produce(sink)
                run.rowsRead = sink.counts.rowsRead
                run.rowsAccepted = sink.counts.rowsAccepted
                run.rowsRejected = sink.counts.rowsRejected
                run.finishedAt = Date()
                try run.update(db)
                outcome = .imported(run, sink.counts)
                return dryRun ? .rollback : .commit
            }
            guard let outcome else { throw LedgerError.database(path: path, cause: "importación sin resultado") }
            return outcome
        }
    }

    /// The stored procurement with a NOG, children included.
    public func procurement(nog: String) throws -> Procurement? {
        try writer.read { db in
            try ProcurementRecord.all().filter(nog: nog).fetchOne(db).map { try ProcurementSink.load($0, db: db) }
        }
    }

    /// Stored procurement, ordered by publication date then NOG, optionally narrowed by year (Guatemala time),
    /// buying unit (code such as `436-2` or part of its name), Guatecompras entity (its units `436-*`, or only
    /// the listed unit numbers) and modality code.
    public func procurements(
        year: Int? = nil, unit: String? = nil, guatecomprasEntity: String? = nil, guatecomprasUnits: [String] = [],
        modalityCode: String? = nil
    ) throws -> [Procurement] {
        try writer.read { db in
            var request = ProcurementRecord.all()
            if let year { request = request.filter(year: year) }
            if let entity = guatecomprasEntity, !entity.isEmpty {
                let column = ProcurementRecord.Columns.buyingUnitCode
                request = guatecomprasUnits.isEmpty
                    ? request.filter(column.like("\(entity)-%"))
                    : request.filter(guatecomprasUnits.map { "\(entity)-\($0)" }.contains(column))
            }
            if let unit, !unit.isEmpty {
                request = request.filter(
                    ProcurementRecord.Columns.buyingUnitCode == unit
                        || ProcurementRecord.Columns.buyingUnitName.like("%\(unit)%"))
            }
            if let modalityCode, !modalityCode.isEmpty {
                request = request.filter(ProcurementRecord.Columns.modalityCode == modalityCode)
            }
            return try request.order(ProcurementRecord.Columns.publishedAt, ProcurementRecord.Columns.nog)
                .fetchAll(db).map { try ProcurementSink.load($0, db: db) }
        }
    }

    /// How many procurements the ledger holds.
    public func procurementCount() throws -> Int {
        try writer.read { db in try ProcurementRecord.fetchCount(db) }
    }

    /// The changes re-imports made to a NOG, oldest first.
    public func releaseHistory(nog: String) throws -> [ReleaseHistoryRecord] {
        try writer.read { db in
            try ReleaseHistoryRecord.filter(ReleaseHistoryRecord.Columns.nog == nog)
                .order(ReleaseHistoryRecord.Columns.id).fetchAll(db)
        }
    }
}
