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
                text.withUTF8Bytes { appendText($0, into: &out) }
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
        field.withUTF8Bytes { append($0, formula: false, into: &out) }
    }

    /// A text field from its UTF-8 bytes, quoted when it holds the separator, a quote, CR or LF; with `formula`
    /// (the profile neutralizes formulas and the text starts like one) after a leading `'`.
    func append<Out: ByteAppending>(_ field: UnsafeBufferPointer<UInt8>, formula: Bool, into out: inout Out) {
        let delimiter = profile.delimiter
        let needsQuotes = field.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            if formula { out.append(UInt8(ascii: "'")) }
            out.appendBytes(field)
            return
        }
        out.append(0x22)
        if formula { out.append(UInt8(ascii: "'")) }
        for byte in field {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// `text` as the profile writes it: in `excel`, prefixed when it would run as a formula.
    func appendText<Out: ByteAppending>(_ text: UnsafeBufferPointer<UInt8>, into out: inout Out) {
        append(text, formula: profile.neutralizesFormulas && FormulaGuard.startsFormula(text), into: &out)
    }
}
