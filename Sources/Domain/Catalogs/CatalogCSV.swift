import Foundation

/// Reads the small RFC 4180 catalogs compiled into Domain (one header row, quoted fields).
///
/// Domain may not depend on Formats, and these files are a few hundred rows written by us,
/// so a whole-text reader is enough here; user files go through Formats' streaming reader.
enum CatalogCSV {
    /// The rows of a catalog's text (see ``CatalogText``) as dictionaries keyed by header name.
    static func rows(_ text: String) -> [[String: String]] {
        let records = parse(text + "\n")
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { $0 != [""] }.map { fields in
            Dictionary(
                uniqueKeysWithValues: zip(
                    header, fields + Array(repeating: "", count: max(0, header.count - fields.count))))
        }
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": break
            case "\n":
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(fields)
        }
        return records
    }
}
