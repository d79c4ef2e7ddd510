import Foundation

/// Encodes rows as CSV bytes for a ``FormatProfile``: RFC 4180 quoting (a field with the separator, a quote,
/// CR or LF is quoted, quotes doubled), CRLF after every record, numbers without grouping.
struct CSVRowEncoder {
    let profile: FormatProfile

    /// The header record.
    func header(_ columns: [DataColumn], into out: inout [UInt8]) {
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(profile.delimiter) }
            append(column.name, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// One record.
    func row(_ cells: [Cell], into out: inout [UInt8]) {
        for index in cells.indices {
            if index > 0 { out.append(profile.delimiter) }
            switch cells[index] {
            case .text(let text), .person(let text):
                append(profile.neutralizesFormulas ? FormulaGuard.neutralized(text) : text, into: &out)
            case .empty:
                break
            case let number:
                _ = NumberBytes.append(number, decimalSeparator: profile.decimalSeparator, into: &out)
            }
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// A field, quoted when it holds the separator, a quote, CR or LF.
    private func append(_ field: String, into out: inout [UInt8]) {
        let delimiter = profile.delimiter
        let special = { (byte: UInt8) in byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D }
        let needsQuotes =
            field.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) }
            ?? field.utf8.contains(where: special)
        guard needsQuotes else {
            out.append(contentsOf: field.utf8)
            return
        }
        out.append(0x22)
        for byte in field.utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
