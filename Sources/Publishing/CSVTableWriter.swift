import Foundation

/// Writes a table as CSV text: the same bytes `export` writes for the table (totals rows are not data and are
/// left out). The open profile keeps every value as it is; see ``FormatProfile``.
public enum CSVTableWriter {
    /// The CSV text of a table in a profile (without the BOM the `excel` profile adds to files).
    public static func render(_ table: DataTable, profile: FormatProfile = .abierto) -> String {
        let encoder = CSVRowEncoder(profile: profile)
        var out: [UInt8] = []
        encoder.header(table.columns, into: &out)
        for row in table.rows { encoder.row(row, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
