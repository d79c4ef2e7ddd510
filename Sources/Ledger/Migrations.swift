import GRDB

/// The ledger's schema history, registered in order. Never edit a migration once it is on main:
/// add a new one. Migrations use raw table and column names because they describe the past.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-import-run", migrate: v1ImportRun)
        migrator.registerMigration("v2-metas", migrate: v2Metas)
        migrator.registerMigration("v3-declared-share", migrate: v3DeclaredShare)
        migrator.registerMigration("v4-procurement", migrate: v4Procurement)
        migrator.registerMigration("v5-execution", migrate: v5Execution)
        migrator.registerMigration("v5-execution-links", migrate: v5ExecutionLinks)
        migrator.registerMigration("v6-budget-key", migrate: v6BudgetKey)
        migrator.registerMigration("v7-links", migrate: v7Links)
        migrator.registerMigration("v8-execution-modifications", migrate: v8ExecutionModifications)
        migrator.registerMigration("v9-red-flags", migrate: v9RedFlags)
        migrator.registerMigration("v10-red-flag-indicator-text", migrate: v10RedFlagIndicatorText)
        migrator.registerMigration("v10-monthly-columns", migrate: v10MonthlyColumns)
        migrator.registerMigration("v11-metas-ejecutadas", migrate: v11MetasEjecutadas)
        migrator.registerMigration("v12-link5-summary-indexes", migrate: v12Link5SummaryIndexes)
        migrator.registerMigration("v13-buyer-lookups", migrate: v13BuyerLookups)
        migrator.registerMigration("v14-red-flag-write-indexes", migrate: v14RedFlagWriteIndexes)
        migrator.registerMigration("v14-link-totals", migrate: v14LinkTotals)
        migrator.registerMigration("v15-drop-link-amount-index", migrate: v15DropLinkAmountIndex)
        return migrator
    }

    static func v1ImportRun(_ db: Database) throws {
        try db.create(table: "import_run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("source_kind", .text).notNull()
            t.column("file_name", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("bytes", .integer).notNull()
            t.column("source_url", .text)
            t.column("etag", .text)
            t.column("started_at", .datetime).notNull()
            t.column("finished_at", .datetime).notNull()
            t.column("rows_read", .integer).notNull()
            t.column("rows_accepted", .integer).notNull()
            t.column("rows_rejected", .integer).notNull()
            t.column("tool_version", .text).notNull()
            t.uniqueKey(["source_kind", "sha256"])
        }
        try db.create(table: "import_diagnostic") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("import_run_id", .integer).notNull().indexed().references("import_run", onDelete: .cascade)
            t.column("line", .integer)
            t.column("field", .text)
            t.column("severity", .text).notNull()
            t.column("message", .text).notNull()
        }
    }

    static func v2Metas(_ db: Database) throws {
        try db.create(table: "directorate") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull()
            t.column("import_run_id", .integer).notNull().indexed().references("import_run")
        }
        try db.create(table: "product") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull()
            t.column("code", .text).notNull()
            t.column("directorate_code", .text).notNull().indexed().references("directorate")
            t.column("name", .text).notNull()
            t.column("unidad_medida", .text).notNull()
            t.column("meta_fisica", .text).notNull()
            t.column("presupuesto_vigente", .integer).notNull()
            t.column("entidad", .text).notNull()
            t.column("unidad_ejecutora", .text).notNull()
            t.column("programa", .text).notNull()
            t.column("subprograma", .text).notNull()
            t.column("proyecto", .text).notNull()
            t.column("actividad", .text).notNull()
            t.column("obra", .text).notNull()
            t.column("import_run_id", .integer).notNull().indexed().references("import_run")
            t.uniqueKey(["ejercicio", "code"])
        }
        try db.create(table: "subproduct") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull()
            t.column("code", .text).notNull()
            t.column("product_code", .text).notNull()
            t.column("name", .text).notNull()
            t.column("unidad_medida", .text).notNull()
            t.column("meta_fisica", .text).notNull()
            t.column("presupuesto_vigente", .integer)
            t.column("import_run_id", .integer).notNull().indexed().references("import_run")
            t.uniqueKey(["ejercicio", "code"])
            t.foreignKey(["ejercicio", "product_code"], references: "product", columns: ["ejercicio", "code"])
        }
    }

    static func v3DeclaredShare(_ db: Database) throws {
        try db.create(table: "declared_share") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull().indexed()
            t.column("line", .integer).notNull()
            t.column("label", .text).notNull()
            t.column("product_code", .text)
            t.column("amount", .integer).notNull()
            t.column("declared_percent", .text).notNull()
            t.column("is_total", .boolean).notNull()
            t.column("import_run_id", .integer).notNull().indexed().references("import_run")
        }
    }
}
