import GRDB

extension Migrations {
    /// Red-flag runs: each `banderas` run with the hash and text of its parameters (so it can be reproduced), what
    /// each indicator did, the flags raised and the rows behind each flag. Flags cascade from their run.
    static func v9RedFlags(_ db: Database) throws {
        try db.create(table: "red_flag_run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull().indexed()
            t.column("indicator_ids", .text).notNull()
            t.column("parameters_hash", .text).notNull().indexed()
            t.column("parameters", .text).notNull()
            t.column("tool_version", .text).notNull()
            t.column("started_at", .datetime).notNull()
            t.column("finished_at", .datetime).notNull()
            t.column("purchases_read", .integer).notNull()
            t.column("flags", .integer).notNull()
            t.column("notes", .text).notNull()
        }
        try db.create(table: "red_flag_run_indicator") { t in
            t.column("red_flag_run_id", .integer).notNull().references("red_flag_run", onDelete: .cascade)
            t.column("indicator_id", .text).notNull()
            t.column("flags", .integer).notNull()
            t.column("evaluated", .integer).notNull()
            t.column("notes", .text).notNull()
            t.primaryKey(["red_flag_run_id", "indicator_id"])
        }
        try db.create(table: "red_flag") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("red_flag_run_id", .integer).notNull().indexed().references("red_flag_run", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("indicator_id", .text).notNull().indexed()
            t.column("severity", .text).notNull()
            t.column("subject_kind", .text).notNull()
            t.column("subject_id", .text).notNull().indexed()
            t.column("subject_label", .text).notNull()
            t.column("ejercicio", .integer).notNull()
            t.column("value", .text)
            t.column("amount", .integer)
            t.column("detail", .text).notNull()
        }
        try db.create(table: "red_flag_evidence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("red_flag_id", .integer).notNull().indexed().references("red_flag", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("reference_kind", .text).notNull()
            // Indexed here for NOG pages; they never read through it, and v14RedFlagWriteIndexes drops it.
            t.column("reference", .text).notNull().indexed()
            t.column("date", .text)
            t.column("modality", .text)
            t.column("supplier_id", .text)
            t.column("supplier_name", .text)
            t.column("amount", .integer)
            t.column("renglon", .text)
            t.column("description", .text)
            t.column("note", .text)
        }
    }
}
