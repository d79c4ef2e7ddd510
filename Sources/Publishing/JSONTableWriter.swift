import Foundation

/// Writes a table as a JSON array of objects keyed by column name, one object per line. Numbers are written
/// from their exact decimal text (never through floating point); codes stay strings.
public enum JSONTableWriter {
    /// The JSON text of a table (totals rows are left out).
    public static func render(_ table: DataTable) -> String {
        var out: [UInt8] = []
        let encoder = JSONRowEncoder(columns: table.columns)
        for (index, row) in table.rows.enumerated() {
            out.append(contentsOf: Array((index == 0 ? "[\n  " : ",\n  ").utf8))
            encoder.object(row, into: &out)
        }
        out.append(contentsOf: Array((table.rows.isEmpty ? "[]\n" : "\n]\n").utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// The table as JSON Lines: one object per line, no enclosing array.
    public static func renderLines(_ table: DataTable) -> String {
        var out: [UInt8] = []
        let encoder = JSONRowEncoder(columns: table.columns)
        for row in table.rows {
            encoder.object(row, into: &out)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
