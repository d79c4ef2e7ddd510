import GRDB

extension Migrations {
    /// Links between purchases and the products they served, and what produced them.
    ///
    /// - `link_rule_set`: each rules file given to `link --rules` (its text, so later passes use the same rules).
    /// - `manual_link`: rows of manual-links files; they outlive every pass and win over evidence and rules.
    /// - `link_run`: each linking pass that changed something: its year, mode, the digest of its global inputs
    ///   and the last import it saw (what the next pass compares with to touch only what changed).
    /// - `procurement_link`: the links (NOG → product or subproduct), with method, share in billionths, amount in
    ///   centavos and provenance.
    /// - `link_state`: one row per purchase of a pass's scope, linked or not, with the unlinked reason and the
    ///   fingerprint of its result.
    static func v7Links(_ db: Database) throws {
        try db.create(table: "link_rule_set") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("file_name", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("content", .text).notNull()
            t.column("loaded_at", .datetime).notNull()
        }
        try db.create(table: "manual_link") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull()
            t.column("nog", .text).notNull()
            t.column("product_code", .text).notNull()
            t.column("subproduct_code", .text)
            t.column("renglon", .text)
            t.column("supplier_id", .text)
            t.column("share_billionths", .integer).check { $0 > 0 && $0 <= 1_000_000_000 }
            t.column("amount", .integer).check { $0 > 0 }
            t.column("note", .text)
            t.column("file_name", .text).notNull()
            t.column("file_sha256", .text).notNull()
            t.column("line", .integer).notNull()
            t.column("loaded_at", .datetime).notNull()
        }
        try db.create(index: "manual_link_on_ejercicio_nog", on: "manual_link", columns: ["ejercicio", "nog"])
        try db.create(table: "link_run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull().indexed()
            t.column("started_at", .datetime).notNull()
            t.column("finished_at", .datetime).notNull()
            t.column("tool_version", .text).notNull()
            t.column("mode", .text).notNull().check { ["completa", "incremental"].contains($0) }
            t.column("inputs_digest", .text).notNull()
            t.column("import_watermark", .integer).notNull()
            t.column("link_rule_set_id", .integer).references("link_rule_set")
            t.column("examined", .integer).notNull()
            t.column("written", .integer).notNull()
            t.column("removed", .integer).notNull()
        }
        try db.create(table: "procurement_link") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull()
            t.column("nog", .text).notNull().references("procurement", column: "nog", onDelete: .cascade)
            t.column("product_code", .text).notNull()
            t.column("subproduct_code", .text)
            t.column("renglon", .text)
            t.column("supplier_id", .text)
            t.column("method", .text).notNull().check { ["evidencia", "regla", "manual"].contains($0) }
            t.column("share_billionths", .integer).notNull().check { $0 >= 0 && $0 <= 1_000_000_000 }
            t.column("amount", .integer).notNull()
            t.column("evidence_ids", .text).notNull()
            t.column("rule_id", .text)
            t.column("manual_file", .text)
            t.column("manual_line", .integer)
            t.column("provenance", .text).notNull()
            t.column("depends_on", .text).notNull()
            t.column("note", .text)
            t.column("link_run_id", .integer).notNull().indexed().references("link_run")
            t.foreignKey(["ejercicio", "product_code"], references: "product", columns: ["ejercicio", "code"])
            t.foreignKey(["ejercicio", "subproduct_code"], references: "subproduct", columns: ["ejercicio", "code"])
        }
        try db.create(
            index: "procurement_link_on_ejercicio_nog", on: "procurement_link", columns: ["ejercicio", "nog"])
        try db.create(
            index: "procurement_link_on_ejercicio_product", on: "procurement_link",
            columns: ["ejercicio", "product_code"])
        try db.create(table: "link_state") { t in
            t.column("ejercicio", .integer).notNull()
            t.column("nog", .text).notNull()
            t.column("status", .text).notNull().check { ["vinculada", "sin_vincular"].contains($0) }
            t.column("method", .text)
            t.column("reason", .text)
            t.column("detail", .text).notNull()
            t.column("result_digest", .text).notNull()
            t.column("link_run_id", .integer).notNull().indexed().references("link_run")
            t.primaryKey(["ejercicio", "nog"])
        }
    }
}
