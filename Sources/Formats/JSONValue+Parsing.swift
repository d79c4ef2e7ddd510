import Foundation

extension JSONValue {
    /// Parses one JSON document (an element cut by the scanner) into a tree, by hand: numbers are read from
    /// their text into `Decimal` (never `Double`), nesting is capped, and errors give the byte offset.
    ///
    /// `JSONDecoder` can build a ``JSONValue`` too, but only by trying each kind in turn and throwing on every
    /// miss; compiling a release package spent most of its time there.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 JSON text (already validated as UTF-8 by the scanner).
    ///   - maxDepth: deepest nesting accepted.
    /// - Throws: ``FormatsError/jsonSyntax(file:offset:line:detail:)`` with the offset within `bytes` (file and
    ///   line left empty for the caller, who knows where the element sits).
    public static func parse(_ bytes: Data, maxDepth: Int = 64) throws -> JSONValue {
        try bytes.withUnsafeBytes { raw in
            var parser = Parser(bytes: raw.bindMemory(to: UInt8.self), maxDepth: maxDepth)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == parser.bytes.count else { throw parser.error("contenido después del valor") }
            return value
        }
    }

    private struct Parser: JSONByteCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        /// A syntax error at the current offset; the caller knows the file and the element's position.
        func error(_ detail: String) -> FormatsError {
            FormatsError.jsonSyntax(file: "", offset: Int64(index), line: 0, detail: detail)
        }

        mutating func skipWhitespace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
            {
                index += 1
            }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard index < bytes.count else { throw error("el texto termina antes de un valor") }
            switch bytes[index] {
            case 0x7B: return try object(depth: depth + 1)
            case 0x5B: return try array(depth: depth + 1)
            case 0x22: return .string(try string())
            case 0x74:
                try literal("true")
                return .bool(true)
            case 0x66:
                try literal("false")
                return .bool(false)
            case 0x6E:
                try literal("null")
                return .null
            case 0x2D, 0x30...0x39: return .number(try number())
            default: throw error("se esperaba un valor JSON")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw error("valor incompleto") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw error("se esperaba \(word)")
            }
            index += count
        }

        mutating func object(depth: Int) throws -> JSONValue {
            guard depth <= maxDepth else { throw error("anidamiento de más de \(maxDepth) niveles") }
            index += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if index < bytes.count, bytes[index] == 0x7D {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == 0x22 else {
                    throw error("se esperaba una clave entre comillas")
                }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == 0x3A else { throw error("se esperaba «:»") }
                index += 1
                skipWhitespace()
                members[key] = try value(depth: depth)
                skipWhitespace()
                guard index < bytes.count else { throw error("objeto sin cerrar") }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == 0x7D {
                    index += 1
                    return .object(members)
                } else {
                    throw error("se esperaba «,» o «}»")
                }
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            guard depth <= maxDepth else { throw error("anidamiento de más de \(maxDepth) niveles") }
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == 0x5D {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth))
                skipWhitespace()
                guard index < bytes.count else { throw error("arreglo sin cerrar") }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == 0x5D {
                    index += 1
                    return .array(elements)
                } else {
                    throw error("se esperaba «,» o «]»")
                }
            }
        }

        mutating func string() throws -> String {
            index += 1
            let start = index
            // Fast path: no escapes.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == 0x5C { break }
                if byte < 0x20 { throw error("carácter de control sin escapar dentro de un texto") }
                index += 1
            }
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22:
                    index += 1
                    return String(decoding: buffer, as: UTF8.self)
                case 0x5C:
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case 0x22, 0x5C, 0x2F: buffer.append(escape)
                    case 0x62: buffer.append(0x08)
                    case 0x66: buffer.append(0x0C)
                    case 0x6E: buffer.append(0x0A)
                    case 0x72: buffer.append(0x0D)
                    case 0x74: buffer.append(0x09)
                    case 0x75:
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                                throw error("sustituto UTF-16 alto sin su pareja (\\u escape inválido)")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw error("sustituto UTF-16 alto sin su pareja (\\u escape inválido)")
                            }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error("sustituto UTF-16 bajo suelto (\\u escape inválido)")
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw error("\\u escape inválido") }
                        buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default:
                        throw error("secuencia de escape desconocida")
                    }
                default:
                    if byte < 0x20 { throw error("carácter de control sin escapar dentro de un texto") }
                    buffer.append(byte)
                    index += 1
                }
            }
            throw error("texto sin cerrar")
        }

        func badUnicodeEscape(incomplete: Bool) -> FormatsError {
            error(incomplete ? "\\u escape incompleto" : "\\u escape con dígitos no hexadecimales")
        }

        mutating func number() throws -> Decimal {
            let start = index
            if bytes[index] == 0x2D { index += 1 }
            let digits = skipDigits() + (skipFraction() ?? 0)
            _ = skipExponent()
            guard digits > 0, digits <= 40 else { throw error("número mal formado o demasiado largo") }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw error("número «\(text)» fuera de rango")
            }
            return value
        }
    }

    /// The value as compact JSON text, object keys sorted (so equal trees give equal bytes).
    public func jsonData() -> Data {
        var out: [UInt8] = []
        write(into: &out)
        return Data(out)
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let flag): out.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let number): out.append(contentsOf: Array("\(number)".utf8))
        case .string(let text): Self.writeString(text, into: &out)
        case .array(let elements):
            out.append(0x5B)
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(0x2C) }
                element.write(into: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { out.append(0x2C) }
                Self.writeString(key, into: &out)
                out.append(0x3A)
                members[key]?.write(into: &out)
            }
            out.append(0x7D)
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
