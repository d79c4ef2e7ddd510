import Domain
import Foundation
import GRDB

extension Ledger {
    /// Imports one execution snapshot in one transaction. Budget lines are keyed by their natural key; each
    /// import adds the line's amounts at its cut-off, so history is kept and the latest cut-off (then the
    /// latest import) is the line's current state. The same file twice changes nothing.
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
        try recordImport(source, toolVersion: toolVersion, diagnostics: diagnostics) { db, runID in
            var counts = ImportCounts(rowsRead: rowsRead, rowsAccepted: snapshot.lines.count, rowsRejected: rowsRejected)
            var snapshotRecord = BudgetSnapshotRecord(snapshot.cutoff, lines: snapshot.lines.count, importRunID: runID)
            try snapshotRecord.insert(db)
            guard let snapshotID = snapshotRecord.id else { throw LedgerError.database(path: path, cause: "budget_snapshot sin id") }
            for line in snapshot.lines {
                var lineRecord = BudgetLineRecord(line.key, names: line.names)
                if let existing = try BudgetLineRecord.all().filter(key: line.key).fetchOne(db) {
                    lineRecord.id = existing.id
                    if line.names.isEmpty { lineRecord.nombres = existing.nombres }
                    let previous = try Self.currentAmounts(db, lineID: existing.id)
                    counts.tally(existing: previous == nil ? nil : previous == line.amounts)
                    try lineRecord.update(db)
                } else {
                    counts.tally(existing: nil)
                    try lineRecord.insert(db)
                }
                guard let lineID = lineRecord.id else { throw LedgerError.database(path: path, cause: "budget_line sin id") }
                var amounts = BudgetSnapshotLineRecord(
                    line.amounts, sourceLine: line.sourceLine, budgetSnapshotID: snapshotID, budgetLineID: lineID)
                try amounts.insert(db)
                guard let amountsID = amounts.id else { throw LedgerError.database(path: path, cause: "budget_snapshot_line sin id") }
                for (mes, devengado) in line.amounts.devengadoMensual.sorted(by: { $0.key < $1.key }) {
                    try BudgetSnapshotMonthRecord(budgetSnapshotLineID: amountsID, mes: mes, devengado: devengado.centavos).insert(db)
                }
            }
            return counts
        }
    }

    /// The current state of every budget line of a fiscal year (latest cut-off, then latest import), optionally
    /// narrowed to one entidad / unidad ejecutora, in key order.
    public func currentBudgetLines(ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil) throws -> [BudgetLine] {
        try writer.read { db in
            var request = BudgetLineRecord.filter(BudgetLineRecord.Columns.ejercicio == ejercicio)
            if let entidad, !entidad.isEmpty { request = request.filter(BudgetLineRecord.Columns.entidad == entidad) }
            if let unidadEjecutora, !unidadEjecutora.isEmpty {
                request = request.filter(BudgetLineRecord.Columns.unidadEjecutora == unidadEjecutora)
            }
            var out: [BudgetLine] = []
            for record in try request.fetchAll(db) {
                guard let key = record.key, let id = record.id, let current = try Self.currentSnapshotLine(db, lineID: id) else { continue }
                let months = try Self.months(db, snapshotLineID: current.id)
                out.append(BudgetLine(key: key, amounts: current.amounts(months: months), names: record.names, sourceLine: current.sourceLine))
            }
            return out.sorted { $0.key < $1.key }
        }
    }

    /// Every cut-off of a budget line, oldest first, with the amounts it had then.
    public func budgetLineHistory(_ key: BudgetKey) throws -> [(cutoff: ExecutionCutoff, amounts: ExecutionAmounts)] {
        try writer.read { db in
            guard let line = try BudgetLineRecord.all().filter(key: key).fetchOne(db), let lineID = line.id else { return [] }
            let rows = try Row.fetchAll(db, sql: """
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
                return (snapshot.cutoff, amounts.amounts(months: try Self.months(db, snapshotLineID: snapshotLineID)))
            }
        }
    }

    /// The cut-offs imported for a fiscal year, oldest first.
    public func executionCutoffs(ejercicio: Int) throws -> [ExecutionCutoff] {
        try writer.read { db in
            try BudgetSnapshotRecord.filter(BudgetSnapshotRecord.Columns.ejercicio == ejercicio)
                .order(BudgetSnapshotRecord.Columns.corte, BudgetSnapshotRecord.Columns.importRunID).fetchAll(db).map(\.cutoff)
        }
    }

    /// The fiscal years with execution, newest first.
    public func executionYears() throws -> [Int] {
        try writer.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT ejercicio FROM budget_line ORDER BY ejercicio DESC") }
    }

    private static func currentSnapshotLine(_ db: Database, lineID: Int64) throws -> BudgetSnapshotLineRecord? {
        try BudgetSnapshotLineRecord.fetchOne(db, sql: """
            SELECT bsl.* FROM budget_snapshot_line bsl JOIN budget_snapshot bs ON bs.id = bsl.budget_snapshot_id
            WHERE bsl.budget_line_id = ? ORDER BY bs.corte DESC, bs.import_run_id DESC LIMIT 1
            """, arguments: [lineID])
    }

    private static func currentAmounts(_ db: Database, lineID: Int64?) throws -> ExecutionAmounts? {
        guard let lineID, let current = try currentSnapshotLine(db, lineID: lineID) else { return nil }
        return current.amounts(months: try months(db, snapshotLineID: current.id))
    }

    private static func months(_ db: Database, snapshotLineID: Int64?) throws -> [Int: Money] {
        guard let snapshotLineID else { return [:] }
        return try BudgetSnapshotMonthRecord.filter(BudgetSnapshotMonthRecord.Columns.budgetSnapshotLineID == snapshotLineID)
            .fetchAll(db).reduce(into: [:]) { $0[$1.mes] = Money(centavos: $1.devengado) }
    }
}
