import Foundation

/// Writes a table as open-data CSV: UTF-8, comma, one header row, RFC 4180 quoting, amounts with a
/// decimal point and no grouping, and text cells that a spreadsheet would run as a formula neutralized.
public enum CSVTableWriter {
    /// The CSV text of a table (totals rows are not data and are left out).
    public static func render(_ table: DataTable) -> String {
        var out = table.columns.map { quote($0.name) }.joined(separator: ",") + "\r\n"
        for row in table.rows {
            out += row.map { cell in
                if case .text(let text) = cell { return quote(neutralizeFormula(text)) }
                return quote(cell.plain)
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ field: String) -> String {
        // Scans bytes, not Characters: the four are ASCII and never part of a longer UTF-8 sequence, and grapheme
        // breaking made writing a large table (tens of thousands of rows) slow.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Cells starting with `= + - @` are run as formulas by spreadsheets (CSV injection); a leading
    /// apostrophe keeps them text.
    static func neutralizeFormula(_ text: String) -> String {
        guard let first = text.first, "=+-@".contains(first) else { return text }
        return "'" + text
    }
}
