import GRDB

extension Migrations {
    /// Executed physical goals (metas físicas ejecutadas), one row per product or subproduct code and cut-off
    /// month: every cut-off is kept, so a publication for an earlier month still shows that month's progress,
    /// and importing the same cut-off again replaces its quantity. The code is not a foreign key because it may
    /// name a product or a subproduct; the import checks that it exists.
    static func v11MetasEjecutadas(_ db: Database) throws {
        try db.create(table: "executed_goal") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull()
            t.column("code", .text).notNull()
            t.column("mes", .integer).notNull()
            t.column("cantidad", .text).notNull()
            t.column("import_run_id", .integer).notNull().indexed().references("import_run")
            t.uniqueKey(["ejercicio", "code", "mes"])
        }
    }
}
