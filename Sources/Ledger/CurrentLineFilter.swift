import Foundation
import GRDB

/// The SQL conditions that pick a year's budget lines (`bl`) at their current state (`bsl`), optionally narrowed
/// to one entidad / unidad ejecutora: with several cut-offs in the year, each line counts at its snapshot with the
/// latest cut-off, then the latest import. Shared by every query that adds up current execution in SQL.
struct CurrentLineFilter {
    /// Conditions to join with `AND`; the last one is the snapshot choice when the year has several snapshots.
    var conditions: [String]
    /// The values of the conditions' placeholders, in order.
    var values: [(any DatabaseValueConvertible)?]

    init(_ db: Database, ejercicio: Int, entidad: String?, unidadEjecutora: String?) throws {
        let lineScope = BudgetLineScope(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
        conditions = lineScope.conditions
        values = lineScope.values
        let snapshots =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM budget_snapshot WHERE ejercicio = ?", arguments: [ejercicio]) ?? 0
        if snapshots > 1 {
            conditions.append(
                """
                bsl.budget_snapshot_id = (SELECT bs2.id FROM budget_snapshot_line bsl2
                    JOIN budget_snapshot bs2 ON bs2.id = bsl2.budget_snapshot_id WHERE bsl2.budget_line_id = bl.id
                    ORDER BY bs2.corte DESC, bs2.import_run_id DESC LIMIT 1)
                """)
        }
    }
}
