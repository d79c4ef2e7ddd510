import Domain
import Foundation
import GRDB

extension Ledger {
    /// The codes of a year's current budget lines (lines with amounts in some cut-off), through the renglón, each
    /// once: lines that differ only in fuente, organismo, correlativo or ubicación give theirs once,
    /// and an absent unidad ejecutora reads as empty. Handed over as SQLite's row in place
    /// (``BudgetCodesRowView``), in no particular order; lines whose renglón is not one are skipped.
    ///
    /// A national year has a million lines and a tenth as many such codes: a key of thirteen strings per line cost
    /// more than looking the codes up.
    public func forEachCurrentBudgetCodes(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil,
        _ body: (BudgetCodesRowView) throws -> Void
    ) throws {
        try read { db in
            let lineScope = BudgetLineScope(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            var conditions = lineScope.conditions
            if try !Self.everyLineCurrent(db, ejercicio: ejercicio) {
                conditions.append("EXISTS (SELECT 1 FROM budget_snapshot_line bsl WHERE bsl.budget_line_id = bl.id)")
            }
            // DISTINCT on the key index's leading columns (its unidad ejecutora is `ifnull(…, '')`) walks the index
            // in order, with no table of its own.
            let rows = try FlagRawStatement(
                db,
                sql: """
                    SELECT DISTINCT bl.ejercicio, bl.entidad, ifnull(bl.unidad_ejecutora, ''), bl.programa,
                           bl.subprograma, bl.proyecto, bl.actividad, bl.obra, bl.renglon
                    FROM budget_line bl
                    WHERE \(conditions.joined(separator: " AND "))
                    """, arguments: StatementArguments(lineScope.values))
            while try rows.step() {
                // Renglon(rawValue:)'s rule on the bytes: three ASCII digits.
                guard let renglon = rows.bytes(8), renglon.count == 3, renglon.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                else { continue }
                try body(BudgetCodesRowView(statement: rows, ejercicio: Int(rows.int64(0))))
            }
        }
    }

    /// True when the year has one snapshot and it has every line of the year: then every line is current and
    /// asking each whether some snapshot has it (a search per line, half of the lines' query) can be skipped.
    /// Counting both is two walks of covering indexes. The sink files each line under a snapshot of the line's
    /// year, once (`UNIQUE (budget_snapshot_id, budget_line_id)`), so equal counts are the same lines.
    private static func everyLineCurrent(_ db: Database, ejercicio: Int) throws -> Bool {
        let snapshots = try Int64.fetchAll(
            db, sql: "SELECT id FROM budget_snapshot WHERE ejercicio = ? LIMIT 2", arguments: [ejercicio])
        guard snapshots.count == 1 else { return false }
        let inSnapshot = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM budget_snapshot_line WHERE budget_snapshot_id = ?", arguments: [snapshots[0]]
        )
        let inYear = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM budget_line WHERE ejercicio = ?", arguments: [ejercicio])
        return inSnapshot == inYear
    }
}
