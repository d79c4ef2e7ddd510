import Foundation

/// Encodes a row as one JSON object on one line: keys are the column names; text and codes are strings;
/// integers, amounts, decimals and percentages are JSON numbers written from their exact decimal text (never
/// through floating point: `1234.50` keeps its centavos); empty cells are `null`.
struct JSONRowEncoder {
    /// `{"nog": "16299514", "monto": 2394900.00}`.
    func object(_ cells: [Cell], columns: [DataColumn], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(contentsOf: [0x2C, 0x20]) }
            Self.string(column.name, into: &out)
            out.append(contentsOf: [0x3A, 0x20])
            value(index < cells.count ? cells[index] : .empty, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private func value(_ cell: Cell, into out: inout [UInt8]) {
        switch cell {
        case .text(let text), .person(let text): Self.string(text, into: &out)
        case .empty: out.append(contentsOf: Array("null".utf8))
        default: out.append(contentsOf: cell.plain.utf8)
        }
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case let b where b < 0x20:
                let hex = String(b, radix: 16)
                out.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
