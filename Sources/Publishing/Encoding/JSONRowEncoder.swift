import Foundation

/// Encodes a row as one JSON object on one line: keys are the column names; text and codes are strings;
/// integers, amounts, decimals and percentages are JSON numbers written from their exact decimal text (never
/// through floating point: `1234.50` keeps its centavos); empty cells are `null`.
struct JSONRowEncoder {
    /// `"nog": ` for each column, encoded once per table rather than once per row.
    let keys: [[UInt8]]

    init(columns: [DataColumn]) {
        keys = columns.map { column in
            var key: [UInt8] = []
            Self.string(column.name, into: &key)
            key.append(contentsOf: [0x3A, 0x20])
            return key
        }
    }

    /// `{"nog": "16299514", "monto": 2394900.00}`.
    func object(_ cells: [Cell], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for index in keys.indices {
            if index > 0 { out.append(contentsOf: [0x2C, 0x20]) }
            out.append(contentsOf: keys[index])
            if index < cells.count {
                value(cells[index], into: &out)
            } else {
                out.append(contentsOf: Self.null)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    private func value(_ cell: Cell, into out: inout [UInt8]) {
        switch cell {
        case .text(let text), .person(let text): Self.string(text, into: &out)
        case .empty: out.append(contentsOf: Self.null)
        default: _ = NumberBytes.append(cell, decimalSeparator: UInt8(ascii: "."), into: &out)
        }
    }

    private static let null = Array("null".utf8)

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func string(_ text: String, into out: inout [UInt8]) {
        text.withUTF8Bytes { string($0, into: &out) }
    }

    /// A JSON string literal from UTF-8 bytes.
    static func string<Out: ByteAppending>(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout Out) {
        out.append(0x22)
        // Nearly every value needs no escape: then its bytes are copied at once.
        guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out.appendBytes(bytes)
            out.append(0x22)
            return
        }
        for byte in bytes {
            switch byte {
            case 0x22: out.appendBytes("\\\"")
            case 0x5C: out.appendBytes("\\\\")
            case 0x0A: out.appendBytes("\\n")
            case 0x0D: out.appendBytes("\\r")
            case 0x09: out.appendBytes("\\t")
            case let b where b < 0x20:
                let hex = Array(String(b, radix: 16).utf8)
                out.appendBytes("\\u00")
                if hex.count < 2 { out.append(UInt8(ascii: "0")) }
                hex.withUnsafeBufferPointer { out.appendBytes($0) }
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
