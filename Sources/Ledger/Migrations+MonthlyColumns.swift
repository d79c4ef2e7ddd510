import GRDB

extension Migrations {
    /// The twelve monthly devengado amounts become columns of `budget_snapshot_line` (`devengado_01` …
    /// `devengado_12`, NULL for a month the file did not give), instead of up to twelve `budget_snapshot_month`
    /// rows per line: a national file of half a million lines wrote six million rows, one statement each, and
    /// every report joined them back.
    ///
    /// Existing months are copied over, then `budget_snapshot_month` becomes a view with the same columns, so
    /// anything that reads it (older queries, other tools) still reads the same rows. The index on
    /// `budget_snapshot_id` alone goes: the unique key (`budget_snapshot_id`, `budget_line_id`) starts with it
    /// and serves the same lookups, and every imported line paid for keeping both.
    static func v10MonthlyColumns(_ db: Database) throws {
        for month in 1...12 {
            try db.execute(sql: "ALTER TABLE budget_snapshot_line ADD COLUMN \(monthColumn(month)) INTEGER")
        }
        let copies = (1...12).map { month in
            "\(monthColumn(month)) = (SELECT devengado FROM budget_snapshot_month m "
                + "WHERE m.budget_snapshot_line_id = budget_snapshot_line.id AND m.mes = \(month))"
        }
        try db.execute(
            sql: """
                UPDATE budget_snapshot_line SET \(copies.joined(separator: ", "))
                WHERE id IN (SELECT budget_snapshot_line_id FROM budget_snapshot_month)
                """)
        try db.execute(sql: "DROP TABLE budget_snapshot_month")
        let arms = (1...12).map { month in
            "SELECT id AS budget_snapshot_line_id, \(month) AS mes, \(monthColumn(month)) AS devengado "
                + "FROM budget_snapshot_line WHERE \(monthColumn(month)) IS NOT NULL"
        }
        try db.execute(sql: "CREATE VIEW budget_snapshot_month AS \(arms.joined(separator: " UNION ALL "))")
        try db.execute(sql: "DROP INDEX budget_snapshot_line_on_budget_snapshot_id")
    }

    /// `devengado_01` … `devengado_12`, as migration v10-monthly-columns named them.
    private static func monthColumn(_ month: Int) -> String {
        "devengado_" + (month < 10 ? "0\(month)" : "\(month)")
    }
}
