import Foundation

/// A JSON value that keeps numbers as their exact text (amounts never pass through `Double`) and survives
/// the damage real open-data files carry: lone UTF-16 surrogates (`\udc81`) become U+FFFD and are counted
/// instead of failing the whole file, as Foundation's decoder does.
enum RawJSON: Sendable, Equatable {
    case object([(String, RawJSON)])
    case array([RawJSON])
    case string(String)
    /// The number exactly as written (`62`, `1234.56`, `-0.5`).
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: RawJSON, rhs: RawJSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// The member of an object, if this is one and has it.
    subscript(key: String) -> RawJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value as cell text: strings as they are, numbers as written, null as empty.
    var cellText: String {
        switch self {
        case .string(let text): text
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        case .object, .array: ""
        }
    }

    /// Why a text is not JSON, with the byte offset.
    struct SyntaxError: Error, Sendable {
        var offset: Int
        var message: String
    }

    /// Parses a whole document.
    /// - Returns: the value and how many lone surrogates were replaced.
    static func parse(_ bytes: [UInt8]) throws -> (value: RawJSON, loneSurrogates: Int) {
        var parser = Parser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw SyntaxError(offset: parser.index, message: "texto sobrante tras el JSON") }
        return (value, parser.loneSurrogates)
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var loneSurrogates = 0

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        func fail(_ message: String) -> SyntaxError { SyntaxError(offset: index, message: message) }

        mutating func value(depth: Int) throws -> RawJSON {
            guard depth < 512 else { throw fail("anidamiento demasiado profundo") }
            skipWhitespace()
            guard index < bytes.count else { throw fail("fin inesperado") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(String, RawJSON)] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("se esperaba una clave") }
                    let key = try string()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("se esperaba «:»") }
                    index += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard index < bytes.count else { throw fail("objeto sin cerrar") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                    throw fail("se esperaba «,» o «}»")
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [RawJSON] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw fail("arreglo sin cerrar") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                    throw fail("se esperaba «,» o «]»")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw fail("valor no válido") }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw fail("valor no válido")
            }
            index += expected.count
        }

        mutating func hex4() throws -> UInt32 {
            guard bytes.count - index >= 4, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw fail("escape \\u no válido") }
            index += 4
            return value
        }

        mutating func string() throws -> String {
            index += 1  // opening quote
            var raw: [UInt8] = []
            var scalars = String.UnicodeScalarView()
            func flush() {
                if !raw.isEmpty { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw.removeAll() }
            }
            while true {
                guard index < bytes.count else { throw fail("texto sin cerrar") }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { flush(); return String(scalars) }
                guard byte == UInt8(ascii: "\\") else { raw.append(byte); continue }
                guard index < bytes.count else { throw fail("escape sin terminar") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): raw.append(escape)
                case UInt8(ascii: "b"): raw.append(0x08)
                case UInt8(ascii: "f"): raw.append(0x0C)
                case UInt8(ascii: "n"): raw.append(0x0A)
                case UInt8(ascii: "r"): raw.append(0x0D)
                case UInt8(ascii: "t"): raw.append(0x09)
                case UInt8(ascii: "u"):
                    flush()
                    let unit = try hex4()
                    if (0xD800...0xDBFF).contains(unit), bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        let save = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) {
                            scalars.append(scalar)
                            continue
                        }
                        index = save
                    }
                    if let scalar = Unicode.Scalar(unit) {
                        scalars.append(scalar)
                    } else {
                        loneSurrogates += 1
                        scalars.append("\u{FFFD}")
                    }
                default: throw fail("escape no válido")
                }
            }
        }
    }
}
