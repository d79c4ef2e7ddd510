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
    public func currentBudgetLines(ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil) throws -> [BudgetLine] {
        try read { db in
            var conditions = ["bl.ejercicio = ?"]
            var arguments: [any DatabaseValueConvertible] = [ejercicio]
            if let entidad, !entidad.isEmpty { conditions.append("bl.entidad = ?"); arguments.append(entidad) }
            if let unidadEjecutora, !unidadEjecutora.isEmpty {
                conditions.append("bl.unidad_ejecutora = ?")
                arguments.append(unidadEjecutora)
            }
            // One pass: rank each line's snapshots by cut-off then import, keep the first.
            let rows = try Row.fetchAll(db, sql: """
                WITH ranked AS (
                    SELECT bsl.*, ROW_NUMBER() OVER (
                        PARTITION BY bsl.budget_line_id ORDER BY bs.corte DESC, bs.import_run_id DESC) AS position
                    FROM budget_snapshot_line bsl
                    JOIN budget_snapshot bs ON bs.id = bsl.budget_snapshot_id
                    JOIN budget_line bl ON bl.id = bsl.budget_line_id
                    WHERE \(conditions.joined(separator: " AND "))
                )
                SELECT bl.*, ranked.id AS snapshot_line_id, ranked.source_line, ranked.asignado, ranked.modificado,
                       ranked.vigente, ranked.precomprometido, ranked.comprometido, ranked.devengado, ranked.pagado
                FROM ranked JOIN budget_line bl ON bl.id = ranked.budget_line_id
                WHERE ranked.position = 1
                """, arguments: StatementArguments(arguments))
            var months: [Int64: [Int: Money]] = [:]
            let monthRows = try Row.fetchAll(db, sql: """
                SELECT bsm.budget_snapshot_line_id, bsm.mes, bsm.devengado FROM budget_snapshot_month bsm
                JOIN budget_snapshot_line bsl ON bsl.id = bsm.budget_snapshot_line_id
                JOIN budget_line bl ON bl.id = bsl.budget_line_id
                WHERE \(conditions.joined(separator: " AND "))
                """, arguments: StatementArguments(arguments))
            for row in monthRows {
                let id: Int64 = row["budget_snapshot_line_id"]
                months[id, default: [:]][row["mes"]] = Money(centavos: row["devengado"])
            }
            var out: [BudgetLine] = []
            for row in rows {
                let record = try BudgetLineRecord(row: row)
                guard let key = record.key else { continue }
                let snapshotLineID: Int64 = row["snapshot_line_id"]
                let amounts = ExecutionAmounts(
                    asignado: Money(centavos: row["asignado"]), modificado: Money(centavos: row["modificado"]),
                    vigente: Money(centavos: row["vigente"]),
                    precomprometido: (row["precomprometido"] as Int64?).map(Money.init(centavos:)),
                    comprometido: (row["comprometido"] as Int64?).map(Money.init(centavos:)),
                    devengado: Money(centavos: row["devengado"]), pagado: Money(centavos: row["pagado"]),
                    devengadoMensual: months[snapshotLineID] ?? [:])
                out.append(BudgetLine(
                    key: key, amounts: amounts, classification: record.classification, names: record.names,
                    sourceLine: row["source_line"]))
            }
            return out.sorted { $0.key < $1.key }
        }
    }

    /// Every cut-off of a budget line, oldest first, with the amounts it had then.
    public func budgetLineHistory(_ key: BudgetKey) throws -> [(cutoff: ExecutionCutoff, amounts: ExecutionAmounts)] {
        try read { db in
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
        try read { db in
            try BudgetSnapshotRecord.filter(BudgetSnapshotRecord.Columns.ejercicio == ejercicio)
                .order(BudgetSnapshotRecord.Columns.corte, BudgetSnapshotRecord.Columns.importRunID).fetchAll(db).map(\.cutoff)
        }
    }

    /// The undamaged names the ledger's budget lines print, by what they name (a renglón, an activity of an
    /// entity…), the most recent import's first: what an execution import repairs a damaged copy with.
    public func executionNames() throws -> [BudgetNameKey: String] {
        try writer.read { db in
            var names: [BudgetNameKey: String] = [:]
            let records = try BudgetLineRecord.fetchAll(db, sql: """
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
        try read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT ejercicio FROM budget_line ORDER BY ejercicio DESC") }
    }

    private static func currentSnapshotLine(_ db: Database, lineID: Int64) throws -> BudgetSnapshotLineRecord? {
        try BudgetSnapshotLineRecord.fetchOne(db, sql: """
            SELECT bsl.* FROM budget_snapshot_line bsl JOIN budget_snapshot bs ON bs.id = bsl.budget_snapshot_id
            WHERE bsl.budget_line_id = ? ORDER BY bs.corte DESC, bs.import_run_id DESC LIMIT 1
            """, arguments: [lineID])
    }

    static func currentAmounts(_ db: Database, lineID: Int64?) throws -> ExecutionAmounts? {
        guard let lineID, let current = try currentSnapshotLine(db, lineID: lineID) else { return nil }
        return current.amounts(months: try months(db, snapshotLineID: current.id))
    }

    private static func months(_ db: Database, snapshotLineID: Int64?) throws -> [Int: Money] {
        guard let snapshotLineID else { return [:] }
        return try BudgetSnapshotMonthRecord.filter(BudgetSnapshotMonthRecord.Columns.budgetSnapshotLineID == snapshotLineID)
            .fetchAll(db).reduce(into: [:]) { $0[$1.mes] = Money(centavos: $1.devengado) }
    }
}
