import Foundation
import GRDB

/// The name of an activity as its lines print it: the first non-empty `actividad` name, in key order, among the
/// activity's lines that have amounts in some cut-off. Asked once per activity of the year's totals, after the
/// lines are added up; the activity is given by one of its lines, so its codes are compared as SQLite stores them.
struct ActivityNameQuery {
    private let statement: Statement

    init(_ db: Database) throws {
        let name = "json_extract(b2.nombres, '$.actividad')"
        // Same activity: the key index's first eight terms (year and structure); the index then gives the activity's
        // lines in key order, stopping at the first named one. As a subquery, whose outer line's codes are constants
        // to it (a join would sort the lines), and ordered by the terms after those eight only: SQLite takes an
        // ORDER BY naming the `ifnull(unidad_ejecutora, '')` term it is given as needing a sort, though it is fixed.
        let sameActivity = zip(BudgetKeyOrder.terms("b2")[..<8], BudgetKeyOrder.terms("bl")[..<8])
            .map { "\($0) = \($1)" }.joined(separator: " AND ")
        statement = try db.makeStatement(
            sql: """
                SELECT (SELECT \(name) FROM budget_line b2
                        WHERE \(sameActivity) AND \(name) <> ''
                          AND EXISTS (SELECT 1 FROM budget_snapshot_line s WHERE s.budget_line_id = b2.id)
                        ORDER BY \(BudgetKeyOrder.terms("b2")[8...].joined(separator: ", ")) LIMIT 1)
                FROM budget_line bl WHERE bl.id = ?
                """)
    }

    /// The name of the activity of the budget line `line` (its `budget_line.id`), nil when none of its lines
    /// prints one.
    func name(ofActivityOf line: Int64) throws -> String? {
        try String.fetchOne(statement, arguments: [line])
    }
}
