import Foundation

/// Receives a table one row at a time.
///
/// Every dataset is built into a sink: `report` collects the rows to print them (``TableCollector``), `export`
/// streams them straight into files, so a listing of hundreds of thousands of rows never sits in memory and
/// both commands run the same code.
public protocol TableSink: AnyObject {
    /// The table's name, title and columns, before any row.
    func begin(_ heading: TableHeading) throws
    /// One row, its cells in column order.
    func write(_ row: [Cell]) throws
    /// After the last row: totals for the screen, why the table is empty, notes for the reader.
    func finish(_ footing: TableFooting) throws
}
