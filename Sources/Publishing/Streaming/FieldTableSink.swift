import Foundation

/// A sink that also takes a table's rows field by field, written straight into its files' bytes: the largest
/// tables (a national `ejecucion` has a million lines) then build no `Cell` array per row and hand no row to
/// another thread.
protocol FieldTableSink: TableSink {
    /// Starts the table to be written field by field, or returns nil when this sink needs cells (the table
    /// then calls ``TableSink/begin(_:)`` and writes cells).
    func beginFields(_ heading: TableHeading) throws -> FieldRowWriter?
    /// Ends a table begun with ``beginFields(_:)``, after its last row.
    func finishFields(_ rows: FieldRowWriter, _ footing: TableFooting) throws
    /// Stops the files of a table that failed while being built: nothing is written once this returns.
    /// - Throws: the error a file write had stopped on before.
    func abandonFields() throws
}
