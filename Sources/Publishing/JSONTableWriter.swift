import Foundation

/// Writes a table as a JSON array of objects keyed by column name. Numbers are written from their exact
/// decimal text (never through floating point); codes stay strings.
public enum JSONTableWriter {
    /// The JSON text of a table (totals rows are left out).
    public static func render(_ table: DataTable) -> String {
        let objects = table.rows.map { row in
            "  {" + zip(table.columns, row).map { column, cell in
                "\(string(column.name)): \(value(cell))"
            }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): string(text)
        case .empty: "null"
        default: cell.plain
        }
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
