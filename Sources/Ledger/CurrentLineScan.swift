import Foundation
import GRDB

/// A statement that steps a year's current budget lines (`bl`) at their current snapshot line (`bsl`), one row per
/// line in no particular order, optionally narrowed to one entidad / unidad ejecutora: what sums of the whole year
/// read when they add up in Swift. The lines are those of ``CurrentLineFilter``: each at its latest cut-off, then
/// latest import.
///
/// The access path follows the filter. One entidad is a small part of the year, found through the key index of
/// `budget_line` (which starts with ejercicio and entidad), each line's snapshot chosen by ``CurrentLineFilter``.
/// A whole year walks its snapshots' lines instead, snapshot by snapshot (the unique index on snapshot and line,
/// then each row by id): on a national year that is a third of the cost of walking the key index and finding each
/// line's amounts. Each snapshot then gives the lines that no snapshot ranked above it (later cut-off, or same
/// cut-off and later import) holds, asked of the same unique index: the year's lines at their latest, as
/// ``CurrentLineFilter`` chooses them, at half its cost (which, snapshot after snapshot, read each line's snapshot
/// lines from disk again). The snapshots walked are the year's, which hold every line of the year because an
/// import never mixes years. A year of many snapshots (one import per entidad or per cut-off) is read through
/// ``CurrentLineFilter`` too: one arm per snapshot, each naming the snapshots above it, would grow past what
/// SQLite takes in one statement (500 arms).
struct CurrentLineScan {
    /// The most snapshots a year's lines are walked by, snapshot after snapshot.
    static let walkedSnapshots = 8

    let sql: String
    let arguments: StatementArguments

    /// - Parameter columns: what each row selects (of `bl` and `bsl`).
    init(_ db: Database, ejercicio: Int, entidad: String?, unidadEjecutora: String?, columns: [String]) throws {
        let select = "SELECT \(columns.joined(separator: ", "))"
        let snapshots = try Int64.fetchAll(
            db, sql: "SELECT id FROM budget_snapshot WHERE ejercicio = ? ORDER BY corte DESC, import_run_id DESC",
            arguments: [ejercicio])
        if !(entidad ?? "").isEmpty || snapshots.isEmpty || snapshots.count > Self.walkedSnapshots {
            let current = try CurrentLineFilter(
                db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            sql = """
                \(select)
                FROM budget_line bl CROSS JOIN budget_snapshot_line bsl ON bsl.budget_line_id = bl.id
                WHERE \(current.conditions.joined(separator: " AND "))
                """
            arguments = StatementArguments(current.values)
            return
        }
        let scope = BudgetLineScope(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
        var arms: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        for (rank, snapshot) in snapshots.enumerated() {
            let above = snapshots[..<rank]
            let newest =
                above.isEmpty
                ? ""
                : """
                 AND NOT EXISTS (SELECT 1 FROM budget_snapshot_line later
                    WHERE later.budget_snapshot_id IN (\(above.map { _ in "?" }.joined(separator: ", ")))
                    AND later.budget_line_id = bsl.budget_line_id)
                """
            arms.append(
                """
                \(select)
                FROM budget_snapshot_line bsl CROSS JOIN budget_line bl ON bl.id = bsl.budget_line_id
                WHERE bsl.budget_snapshot_id = ? AND \(scope.conditions.joined(separator: " AND "))\(newest)
                """)
            values.append(snapshot)
            values += scope.values
            values += above.map { $0 }
        }
        sql = arms.joined(separator: "\nUNION ALL\n")
        arguments = StatementArguments(values)
    }
}
