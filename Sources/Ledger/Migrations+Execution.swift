import GRDB

extension Migrations {
    /// Budget execution: one `budget_snapshot` per imported file (its cut-off), the budget lines by natural
    /// key, and each line's amounts per snapshot (history kept; the latest cut-off is the current state).
    static func v5Execution(_ db: Database) throws {
        try db.create(table: "budget_snapshot") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("import_run_id", .integer).notNull().unique().references("import_run", onDelete: .cascade)
            t.column("ejercicio", .integer).notNull().indexed()
            t.column("mes", .integer)
            t.column("fecha_corte", .text)
            t.column("corte", .text).notNull()
            t.column("lines", .integer).notNull()
        }
        try db.create(table: "budget_line") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull()
            t.column("entidad", .text).notNull()
            t.column("unidad_ejecutora", .text).notNull()
            t.column("programa", .text).notNull()
            t.column("subprograma", .text).notNull()
            t.column("proyecto", .text).notNull()
            t.column("actividad", .text).notNull()
            t.column("obra", .text).notNull()
            t.column("renglon", .text).notNull()
            t.column("fuente", .text).notNull()
            t.column("ubicacion_geografica", .text).notNull()
            t.column("grupo", .text).notNull()
            t.column("nombres", .text).notNull()
            t.uniqueKey([
                "ejercicio", "entidad", "unidad_ejecutora", "programa", "subprograma", "proyecto", "actividad", "obra",
                "renglon", "fuente", "ubicacion_geografica",
            ])
        }
        try db.create(table: "budget_snapshot_line") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("budget_snapshot_id", .integer).notNull().indexed().references(
                "budget_snapshot", onDelete: .cascade)
            t.column("budget_line_id", .integer).notNull().indexed().references("budget_line")
            t.column("source_line", .integer).notNull()
            t.column("asignado", .integer).notNull()
            t.column("modificado", .integer).notNull()
            t.column("vigente", .integer).notNull()
            t.column("precomprometido", .integer)
            t.column("comprometido", .integer)
            t.column("devengado", .integer).notNull()
            t.column("pagado", .integer).notNull()
            t.uniqueKey(["budget_snapshot_id", "budget_line_id"])
        }
        try db.create(table: "budget_snapshot_month") { t in
            t.column("budget_snapshot_line_id", .integer).notNull().references(
                "budget_snapshot_line", onDelete: .cascade)
            t.column("mes", .integer).notNull()
            t.column("devengado", .integer).notNull()
            t.primaryKey(["budget_snapshot_line_id", "mes"])
        }
    }

    /// Evidence tying purchases (NOG/NPG, CUR) to budget lines, from input-level execution and CUR files.
    static func v5ExecutionLinks(_ db: Database) throws {
        try db.create(table: "link_evidence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("import_run_id", .integer).notNull().indexed().references("import_run", onDelete: .cascade)
            t.column("kind", .text).notNull()
            t.column("line", .integer).notNull()
            t.column("ejercicio", .integer)
            t.column("nog", .text).indexed()
            t.column("npg", .text)
            t.column("no_cur", .text)
            t.column("clase_registro", .text)
            t.column("entidad", .text)
            t.column("unidad_ejecutora", .text)
            t.column("programa", .text)
            t.column("subprograma", .text)
            t.column("proyecto", .text)
            t.column("actividad", .text)
            t.column("obra", .text)
            t.column("renglon", .text)
            t.column("nit", .text)
            t.column("proveedor", .text)
            t.column("monto", .integer).notNull()
            t.column("fecha", .text)
        }
    }
}
