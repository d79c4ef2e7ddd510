import Foundation

/// Reads one line of a published JSON file: an object whose values are strings, numbers, booleans or null
/// (`  {"nog": "16299514", "monto": 2394900.00},`). Numbers keep their literal text, so `2394900.00` is shown
/// as it was published. Leading spaces and a trailing comma (the array layout) are ignored.
enum FlatJSONObject {
    /// A value as published: its text (nil for null) and whether it was a number.
    struct Value: Hashable {
        var text: String?
        var isNumber: Bool
    }

    /// The members of the object on the line, or nil when the line holds none (`[`, `]`, `[]`, blank).
    static func parse(_ line: Substring) -> [String: Value]? {
        let bytes = Array(line.utf8)
        var index = 0
        func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
                index += 1
            }
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var members: [String: Value] = [:]
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { return members }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard let key = string(bytes, &index) else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x22 {
                guard let text = string(bytes, &index) else { return nil }
                members[key] = Value(text: text, isNumber: false)
            } else {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "}"),
                    bytes[index] != 0x20
                {
                    index += 1
                }
                let literal = String(decoding: bytes[start..<index], as: UTF8.self)
                switch literal {
                case "null": members[key] = Value(text: nil, isNumber: false)
                case "true", "false": members[key] = Value(text: literal, isNumber: false)
                default: members[key] = Value(text: literal, isNumber: true)
                }
            }
        }
    }

    /// A JSON string starting at `index` (a quote), with its escapes resolved.
    private static func string(_ bytes: [UInt8], _ index: inout Int) -> String? {
        guard index < bytes.count, bytes[index] == 0x22 else { return nil }
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x22 { return String(decoding: out, as: UTF8.self) }
            guard byte == 0x5C, index < bytes.count else {
                out.append(byte)
                continue
            }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count,
                    let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                else { return nil }
                index += 4
                var scalarCode = code
                // A surrogate pair: the low half follows as another \u escape.
                if (0xD800...0xDBFF).contains(code), index + 6 <= bytes.count, bytes[index] == 0x5C,
                    bytes[index + 1] == UInt8(ascii: "u"),
                    let low = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16),
                    (0xDC00...0xDFFF).contains(low)
                {
                    scalarCode = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalarCode) ?? "\u{FFFD}")).utf8))
            default: out.append(escaped)
            }
        }
        return nil
    }
}
