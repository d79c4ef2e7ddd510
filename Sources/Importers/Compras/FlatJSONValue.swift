import Foundation
import Formats

/// A JSON value whose numbers stay as the text the file wrote (`186450.50`), so amounts are parsed
/// digit by digit into ``Money`` and never pass through `Double`.
indirect enum FlatJSONValue: Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([FlatJSONValue])
    case object([(key: String, value: FlatJSONValue)])

    /// The member named `key` of an object.
    subscript(key: String) -> FlatJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value as cell text: strings and numbers as written, booleans as `true`/`false`, null as empty.
    var cellText: String? {
        switch self {
        case .string(let text): text
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: ""
        case .array, .object: nil
        }
    }

    /// Parses a whole document; also returns how many lone UTF-16 surrogates (`\udc81`, left by broken
    /// re-encodings) were replaced by U+FFFD instead of failing the file.
    /// - Throws: ``SyntaxError`` with the line of the problem.
    static func parse(_ data: Data, maxDepth: Int = 64) throws -> (value: FlatJSONValue, replacedSurrogates: Int) {
        var parser = Parser(bytes: [UInt8](data), maxDepth: maxDepth)
        parser.skipBOM()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.failure("texto sobrante después del JSON") }
        return (value, parser.replaced)
    }

    /// A JSON syntax problem at a line of the file.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    private struct Parser {
        let bytes: [UInt8]
        let maxDepth: Int
        var index = 0
        var replaced = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func failure(_ message: String) -> SyntaxError {
            let line = bytes[..<min(index, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return SyntaxError(line: line, message: message)
        }

        mutating func skipBOM() {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws -> FlatJSONValue {
            guard depth <= maxDepth else { throw failure("anidamiento de más de \(maxDepth) niveles") }
            skipWhitespace()
            guard index < bytes.count else { throw failure("el JSON termina antes de tiempo") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(number())
            case 0: throw failure("byte NUL: el archivo no es texto")
            default: throw failure("carácter inesperado")
            }
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard bytes[index...].starts(with: expected) else { throw failure("se esperaba «\(word)»") }
            index += expected.count
        }

        mutating func number() -> String {
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func string() throws -> String {
            index += 1
            var output: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: output, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { break }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "t"): output.append(0x09)
                    case UInt8(ascii: "r"): output.append(0x0D)
                    case UInt8(ascii: "b"): output.append(0x08)
                    case UInt8(ascii: "f"): output.append(0x0C)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar), bytes[index...].starts(with: [0x5C, 0x75]) {
                            index += 2
                            let low = try hex4()
                            scalar = (0xDC00...0xDFFF).contains(low)
                                ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                        }
                        if (0xD800...0xDFFF).contains(scalar) || scalar == 0xFFFD { replaced += 1 }
                        // A lone surrogate (left by broken re-encodings) becomes U+FFFD instead of failing the file.
                        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        output.append(contentsOf: Array(String(character).utf8))
                    default: output.append(escaped)
                    }
                case 0:
                    throw failure("byte NUL dentro de un texto")
                default:
                    output.append(byte)
                }
            }
            throw failure("texto sin cerrar")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw failure("secuencia \\u inválida") }
            index += 4
            return value
        }

        mutating func array(depth: Int) throws -> FlatJSONValue {
            index += 1
            var items: [FlatJSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw failure("lista sin cerrar") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                throw failure("se esperaba «,» o «]»")
            }
        }

        mutating func object(depth: Int) throws -> FlatJSONValue {
            index += 1
            var members: [(key: String, value: FlatJSONValue)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("se esperaba un nombre") }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("se esperaba «:»") }
                index += 1
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                guard index < bytes.count else { throw failure("objeto sin cerrar") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw failure("se esperaba «,» o «}»")
            }
        }
    }
}
