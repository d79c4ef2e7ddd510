import Domain
import Foundation
import GRDB

extension Ledger {
    /// Imports one execution snapshot as one run: budget lines are keyed by their natural key; each import adds
    /// the lines' amounts at its cut-off, so history is kept and the latest cut-off (then the latest import) is a
    /// line's current state.
    ///
    /// - Parameters:
    ///   - snapshot: the file's valid lines at its cut-off.
    ///   - rowsRead: detail rows read from the file.
    ///   - rowsRejected: rows left out for errors (with `--allow-rejects`).
    ///   - diagnostics: warnings and rejects to store with the run.
    public func importExecution(
        _ snapshot: ExecutionSnapshot, source: ImportSource, toolVersion: String, rowsRead: Int, rowsRejected: Int = 0,
        diagnostics: [Diagnostic] = []
    ) throws -> ImportOutcome {
        try importing(source, toolVersion: toolVersion) { session in
            let sink = try session.execution()
            for line in snapshot.lines { try sink.write(line) }
            try sink.close(cutoff: snapshot.cutoff)
            for diagnostic in diagnostics where diagnostic.severity != .info { try session.note(diagnostic) }
            return .commit(
                ImportCounts(rowsRead: rowsRead, rowsAccepted: snapshot.lines.count, rowsRejected: rowsRejected))
        }
    }

    /// The current state of every budget line of a fiscal year (latest cut-off, then latest import), optionally
    /// narrowed to one entidad / unidad ejecutora, in key order.
    public func currentBudgetLines(ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil) throws
        -> [BudgetLine]
    {
        var lines: [BudgetLine] = []
        try forEachCurrentBudgetLine(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora) {
            line, _ in
            lines.append(line)
        }
        return lines
    }

    /// Every cut-off of a budget line, oldest first, with the amounts it had then.
    public func budgetLineHistory(_ key: BudgetKey) throws -> [(cutoff: ExecutionCutoff, amounts: ExecutionAmounts)] {
        try read { db in
            guard let line = try BudgetLineRecord.all().filter(key: key).fetchOne(db), let lineID = line.id else {
                return []
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT bsl.id AS snapshot_line_id, bs.id AS snapshot_id FROM budget_snapshot_line bsl
                    JOIN budget_snapshot bs ON bs.id = bsl.budget_snapshot_id
                    WHERE bsl.budget_line_id = ? ORDER BY bs.corte, bs.import_run_id
                    """, arguments: [lineID])
            return try rows.compactMap { row -> (ExecutionCutoff, ExecutionAmounts)? in
                let snapshotLineID: Int64 = row["snapshot_line_id"]
                let snapshotID: Int64 = row["snapshot_id"]
                guard let amounts = try BudgetSnapshotLineRecord.fetchOne(db, key: snapshotLineID),
                    let snapshot = try BudgetSnapshotRecord.fetchOne(db, key: snapshotID)
                else { return nil }
                return (snapshot.cutoff, amounts.amounts)
            }
        }
    }

    /// The cut-offs imported for a fiscal year, oldest first.
    public func executionCutoffs(ejercicio: Int) throws -> [ExecutionCutoff] {
        try read { db in
            try BudgetSnapshotRecord.filter(BudgetSnapshotRecord.Columns.ejercicio == ejercicio)
                .order(BudgetSnapshotRecord.Columns.corte, BudgetSnapshotRecord.Columns.importRunID).fetchAll(db).map(
                    \.cutoff)
        }
    }

    /// The undamaged names the ledger's budget lines print, by what they name (a renglón, an activity of an
    /// entity…), the most recent import's first: what an execution import repairs a damaged copy with.
    public func executionNames() throws -> [BudgetNameKey: String] {
        try writer.read { db in
            var names: [BudgetNameKey: String] = [:]
            let records = try BudgetLineRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM budget_line WHERE nombres <> '{}' AND instr(nombres, char(65533)) = 0 ORDER BY id DESC
                    """)
            for record in records {
                guard let key = record.key else { continue }
                for (field, name) in record.names where !name.isEmpty {
                    guard let nameKey = BudgetNameKey(field: field, key: key, classification: record.classification),
                        names[nameKey] == nil
                    else { continue }
                    names[nameKey] = name
                }
            }
            return names
        }
    }

    /// The fiscal years with execution, newest first.
    public func executionYears() throws -> [Int] {
        // One index search per year, newest first, instead of reading every line's key: reports ask this
        // several times per publication, and a national year has hundreds of thousands of lines.
        try read { db in
            try Int.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE years(y) AS (
                        SELECT MAX(ejercicio) FROM budget_line
                        UNION ALL
                        SELECT (SELECT MAX(ejercicio) FROM budget_line WHERE ejercicio < y) FROM years WHERE y IS NOT NULL
                    )
                    SELECT y FROM years WHERE y IS NOT NULL
                    """)
        }
    }

    private static func currentSnapshotLine(_ db: Database, lineID: Int64) throws -> BudgetSnapshotLineRecord? {
        try BudgetSnapshotLineRecord.fetchOne(
            db,
            sql: """
                SELECT bsl.* FROM budget_snapshot_line bsl JOIN budget_snapshot bs ON bs.id = bsl.budget_snapshot_id
                WHERE bsl.budget_line_id = ? ORDER BY bs.corte DESC, bs.import_run_id DESC LIMIT 1
                """, arguments: [lineID])
    }

    static func currentAmounts(_ db: Database, lineID: Int64?) throws -> ExecutionAmounts? {
        guard let lineID else { return nil }
        return try currentSnapshotLine(db, lineID: lineID)?.amounts
    }
}
