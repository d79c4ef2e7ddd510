import Foundation

/// A table to print or publish: columns, rows and optional totals rows.
public struct DataTable: Sendable, Hashable {
    /// Machine name of the table (`productos`), used for file names.
    public var name: String
    /// Spanish title shown above the table on screen.
    public var title: String
    public var columns: [DataColumn]
    public var rows: [[Cell]]
    /// Totals rows: shown on screen, left out of CSV/JSON (consumers sum the data themselves).
    public var totals: [[Cell]]
    /// Why the table is empty and what to import to fill it (printed on stderr, never in the data).
    public var emptyReason: String?

    public init(
        name: String, title: String, columns: [DataColumn], rows: [[Cell]] = [], totals: [[Cell]] = [],
        emptyReason: String? = nil
    ) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.emptyReason = emptyReason
    }
}
