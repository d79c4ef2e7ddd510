import Foundation

/// A sink that keeps every row: how `report` gets a whole table to print.
public final class TableCollector: TableSink {
    /// The table received so far (complete after ``finish(_:)``).
    public private(set) var table = DataTable(name: "", title: "", columns: [])

    public init() {}

    public func begin(_ heading: TableHeading) throws {
        table = DataTable(name: heading.name, title: heading.title, columns: heading.columns)
    }

    public func write(_ row: [Cell]) throws {
        table.rows.append(row)
    }

    public func finish(_ footing: TableFooting) throws {
        table.totals = footing.totals
        table.emptyReason = footing.emptyReason
        table.notes = footing.notes
        if let title = footing.title { table.title = title }
    }
}
