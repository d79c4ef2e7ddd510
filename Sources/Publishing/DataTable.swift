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
    /// What a reader of the published file should know (rows left out and why); printed on stderr by `export`.
    public var notes: [String]

    public init(
        name: String, title: String, columns: [DataColumn], rows: [[Cell]] = [], totals: [[Cell]] = [],
        emptyReason: String? = nil, notes: [String] = []
    ) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.emptyReason = emptyReason
        self.notes = notes
    }

    /// The table's heading, as a ``TableSink`` receives it.
    public var heading: TableHeading { TableHeading(name: name, title: title, columns: columns) }

    /// Hands the table to a sink: heading, rows, then totals and notes.
    public func replay(into sink: any TableSink) throws {
        try sink.begin(heading)
        for row in rows { try sink.write(row) }
        try sink.finish(TableFooting(totals: totals, emptyReason: emptyReason, notes: notes))
    }
}
