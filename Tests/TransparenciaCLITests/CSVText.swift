import Foundation

/// Reads the CSV the tool writes (RFC 4180: commas, double-quoted fields, CRLF) into rows of named fields.
enum CSVText {
    /// The records after the header, each as column name → text.
    static func records(_ text: String) -> [[String: String]] {
        var rows: [[String]] = []
        var field = ""
        var row: [String] = []
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r\n", "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { values in
            Dictionary(zip(header, values).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
