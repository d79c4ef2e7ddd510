import GRDB

extension Migrations {
    /// Drops `procurement_link(ejercicio, method, amount)`, the covering index `v12-link5-summary-indexes` added
    /// for the totals every pass printed.
    ///
    /// Since `v14-link-totals` a pass reads its totals from `link_run_total` (an incremental pass adds what it
    /// changed, a pass with nothing new repeats the last pass's); only a full pass still counts the links, and a
    /// scan of the table does that in a fraction of a second. The index cost every pass more: its key (an amount)
    /// puts each new link at a random place, so a national year's 300,000 links made SQLite descend and rewrite
    /// nearly every one of its 2,000 pages, in the pass and again in the commit (about 1.4 s of a full pass,
    /// 2.3 → 1.3 s to insert the links and 0.95 → 0.5 s to commit them, in the `sqlite3` shell).
    static func v15DropLinkAmountIndex(_ db: Database) throws {
        try db.drop(index: "procurement_link_on_ejercicio_method_amount")
    }
}
