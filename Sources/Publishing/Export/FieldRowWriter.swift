import Formats
import Foundation

/// Writes a table's rows into its CSV and JSON files through a ``FieldRow``, and hands full buffers to a
/// ``FileChunkWriter`` on another thread, so formatting and the disk overlap.
final class FieldRowWriter {
    private let output: FileChunkWriter
    private var row: FieldRow

    init(row: FieldRow, output: FileChunkWriter) {
        self.row = row
        self.output = output
    }

    /// Rows written so far.
    var count: Int { row.count }

    /// One row: `fill` writes its fields in column order (one access to the row for all of them).
    /// - Throws: what `fill` throws; the error a file write stopped on.
    func writeRow(_ fill: (inout FieldRow) throws -> Void) throws {
        try fill(&row)
        if row.end() { try handOver() }
    }

    /// One row given as cells: cells past the table's columns are left out, missing ones written empty.
    func write(_ cells: [Cell]) throws {
        try writeRow { row in
            for cell in cells.prefix(row.heading.columns.count) { row.cell(cell) }
            for _ in cells.count..<max(cells.count, row.heading.columns.count) { row.empty() }
        }
    }

    /// Writes what is left and the JSON array's end; returns the CSV's size and SHA-256.
    func finish() throws -> FileDigest {
        row.close()
        try handOver()
        return try output.finish()
    }

    /// Stops writing (the table failed): nothing is written once this returns.
    /// - Throws: the error a file write had stopped on before (it came first).
    func abandon() throws {
        try output.abandon()
    }

    private func handOver() throws {
        let bytes = row.takeBytes()
        try output.write(csv: bytes.csv, json: bytes.json)
    }
}
