import GRDB

extension Migrations {
    /// The year's link totals after each pass (purchases, links and amount by method; unlinked purchases as method
    /// `sin_vincular`): an incremental pass adds what it wrote and removed to the previous pass's totals instead of
    /// counting every link and state of a national year, a twentieth of a re-link.
    static func v14LinkTotals(_ db: Database) throws {
        try db.create(table: "link_run_total") { t in
            t.column("link_run_id", .integer).notNull().references("link_run", onDelete: .cascade)
            t.column("method", .text).notNull()
            t.column("purchases", .integer).notNull()
            t.column("links", .integer).notNull()
            t.column("amount", .integer).notNull()
            t.primaryKey(["link_run_id", "method"])
        }
    }
}
