/// A row written with its procurement (an item, party, bid, award or contract), many to one `INSERT`.
protocol ProcurementChildRow: Sendable {
    /// The table the row goes to.
    static var databaseTableName: String { get }
    /// The columns an import inserts, in the order ``bind(to:procurementID:texts:)`` binds them.
    static var insertColumns: [String] { get }
    /// Binds the row's values after those already bound, under `procurementID`, its texts kept in `texts`.
    func bind(to statement: inout BoundStatement, procurementID: Int64, texts: BoundTextArena)
}
