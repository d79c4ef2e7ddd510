import GRDB

extension Migrations {
    /// Covering indexes for the totals every linking pass prints (purchases by method from `link_state`, amounts by
    /// method from `procurement_link`): read from the index alone, without visiting each of a national year's
    /// 300,000 link rows, they cost a re-link a few milliseconds instead of most of its time.
    static func v12Link5SummaryIndexes(_ db: Database) throws {
        try db.create(
            index: "procurement_link_on_ejercicio_method_amount", on: "procurement_link",
            columns: ["ejercicio", "method", "amount"])
        try db.create(index: "link_state_on_ejercicio_method", on: "link_state", columns: ["ejercicio", "method"])
    }
}
