import Domain
import Foundation
import GRDB

extension Ledger {
    /// Stores a red-flag run, its indicators' outcomes, flags and evidence, in one transaction.
    ///
    /// Runs are kept as history: running again with the same parameters adds a run with the same
    /// `parameters_hash`, so two runs can be compared. ``redFlagRunStore(ejercicio:toolVersion:startedAt:)`` stores
    /// the same rows while the run is computed.
    /// - Returns: the stored run row (with its id).
    @discardableResult
    public func storeRedFlagRun(
        _ run: RedFlagRun, toolVersion: String, startedAt: Date, finishedAt: Date = Date()
    ) throws -> RedFlagRunRecord {
        // A national run is ≈ 100 MB of table and index pages. Every flag cites the run inserted here and every
        // evidence row a flag id reserved here, so SQLite's foreign-key lookup per row (300,000 of them) could only
        // agree: the run is a ``bulkWrite(_:)``.
        try bulkWrite { db in
            var writer = try RedFlagRunWriter(
                db, path: path, ejercicio: run.ejercicio, toolVersion: toolVersion, startedAt: startedAt)
            try writer.add(indicator: 0, flags: run.flags)
            let record = try writer.finish(run, origins: Array(run.flags.indices), finishedAt: finishedAt)
            return (commit: true, value: record)
        }
    }

    /// The stored runs of a fiscal year (every year when nil), newest first.
    public func redFlagRuns(ejercicio: Int? = nil) throws -> [RedFlagRunRecord] {
        try writer.read { db in
            var request = RedFlagRunRecord.all()
            if let ejercicio { request = request.filter(RedFlagRunRecord.Columns.ejercicio == ejercicio) }
            return try request.order(RedFlagRunRecord.Columns.id.desc).fetchAll(db)
        }
    }

    /// The flags of a stored run, in the order the run raised them, each with its evidence.
    public func redFlags(runID: Int64) throws -> [RedFlag] {
        try writer.read { db in
            let records = try RedFlagRecord.filter(RedFlagRecord.Columns.redFlagRunID == runID)
                .order(RedFlagRecord.Columns.position).fetchAll(db)
            var evidence: [Int64: [RedFlagEvidence]] = [:]
            let rows = try RedFlagEvidenceRecord.fetchCursor(
                db,
                sql: """
                    SELECT e.* FROM red_flag_evidence e JOIN red_flag f ON f.id = e.red_flag_id
                    WHERE f.red_flag_run_id = ? ORDER BY e.red_flag_id, e.position
                    """, arguments: [runID])
            while let row = try rows.next() { evidence[row.redFlagID, default: []].append(row.evidence) }
            return records.map { record in
                var flag = record.flag
                flag.evidence = record.id.flatMap { evidence[$0] } ?? []
                return flag
            }
        }
    }
}

extension Ledger {
    /// The last stored run of a fiscal year (of any year when nil), with its indicators and flags; nil when
    /// `banderas` never stored one. What `export` publishes: flags are never recomputed to be published.
    public func latestRedFlagRun(ejercicio: Int?) throws -> StoredRedFlagRun? {
        guard let record = try redFlagRuns(ejercicio: ejercicio).first, let id = record.id else { return nil }
        let indicators = try writer.read { db in
            try RedFlagRunIndicatorRecord.filter(RedFlagRunIndicatorRecord.Columns.redFlagRunID == id).order(
                Column("rowid")
            )
            .fetchAll(db)
        }
        return StoredRedFlagRun(
            run: record,
            indicators: indicators.map {
                StoredRedFlagRun.Indicator(
                    id: $0.indicatorID, nameES: $0.nameES, explanation: $0.explanation, flags: $0.flags,
                    evaluated: $0.evaluated)
            },
            flags: try redFlags(runID: id))
    }
}
