import Foundation

/// A JSON document checked once and laid out as a flat list of tokens (byte ranges, no strings or numbers
/// built), so a decoder can materialize only the fields it asks for and skip the rest in one step.
///
/// Stricter than `JSONDecoder` on purpose: anything it is unsure `JSONDecoder` would accept exactly so (leading
/// zeros, numbers of more than 38 digits or a three-digit exponent, escapes of NUL or of lone UTF-16
/// surrogates, nesting deeper than 512) is declined with ``JSONTapeError``, and the caller falls back to
/// `JSONDecoder`. The bytes must be UTF-8 already validated (as ``JSONArrayElementScanner`` and
/// ``JSONLinesReader`` do); strings are checked again when they are built.
final class JSONTape: Sendable {
    let bytes: [UInt8]
    let tokens: [JSONTapeToken]
    /// The deepest nesting of arrays and objects, counted as ``JSONValue``'s parser counts it (the root is 1).
    let deepest: Int
    /// Whether some number has an exponent: only those can be out of `Decimal`'s range.
    let hasExponent: Bool

    /// Checks and lays out `data`.
    /// - Throws: ``JSONTapeError`` for anything declined.
    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        var builder = Builder()
        builder.tokens.reserveCapacity(bytes.count / 12)
        try bytes.withUnsafeBufferPointer { buffer in
            builder.bytes = buffer
            builder.skipWhitespace()
            try builder.value(depth: 0)
            builder.skipWhitespace()
            guard builder.index == buffer.count else { throw JSONTapeError(reason: "contenido después del valor") }
        }
        self.bytes = bytes
        self.tokens = builder.tokens
        self.deepest = builder.deepest
        self.hasExponent = builder.hasExponent
    }

    /// The text of the string token at `position`.
    func string(at position: Int) throws -> String {
        let token = tokens[position]
        return try bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeBufferPointer(rebasing: buffer[Int(token.start)..<Int(token.end)])
            if !token.flag {
                guard let text = String(validating: raw, as: UTF8.self) else {
                    throw JSONTapeError(reason: "UTF-8 inválido")
                }
                return text
            }
            guard let text = String(validating: try Self.unescaped(raw), as: UTF8.self) else {
                throw JSONTapeError(reason: "UTF-8 inválido")
            }
            return text
        }
    }

    /// Whether the string token at `position` is exactly `key` (object keys are compared without building them).
    func keyEquals(_ position: Int, _ key: String) -> Bool {
        let token = tokens[position]
        if token.flag { return (try? string(at: position)) == key }
        let length = Int(token.end - token.start)
        var key = key
        return key.withUTF8 { wanted in
            guard wanted.count == length else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, let other = wanted.baseAddress else { return length == 0 }
                return memcmp(base + Int(token.start), other, length) == 0
            }
        }
    }

    /// The text of the number token at `position`.
    func numberText(at position: Int) -> String {
        let token = tokens[position]
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(token.start)..<Int(token.end)]), as: UTF8.self)
        }
    }

    /// The number token at `position` as `JSONDecoder` reads it into a `Decimal` (from its text), nil if that
    /// fails.
    func decimal(at position: Int) -> Decimal? {
        Decimal(string: numberText(at: position), locale: Self.posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The bytes of a string's content with its escapes decoded (already checked by the builder).
    private static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        func hex4() -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = raw[index]
                index += 1
                switch byte {
                case 0x30...0x39: value = value * 16 + UInt32(byte - 0x30)
                case 0x41...0x46: value = value * 16 + UInt32(byte - 0x41 + 10)
                default: value = value * 16 + UInt32(byte - 0x61 + 10)
                }
            }
            return value
        }
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == 0x5C else {
                out.append(byte)
                continue
            }
            let escape = raw[index]
            index += 1
            switch escape {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    index += 2
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex4() - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw JSONTapeError(reason: "\\u inválido") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default: out.append(escape)
            }
        }
        return out
    }

    /// The strict one-pass checker that writes the tokens.
    private struct Builder: JSONByteCursor {
        var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var index = 0
        var tokens: [JSONTapeToken] = []
        var deepest = 0
        var hasExponent = false

        static let maxDepth = 512

        mutating func skipWhitespace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
            {
                index += 1
            }
        }

        func declined(_ reason: String) -> JSONTapeError { JSONTapeError(reason: "\(reason) (byte \(index))") }

        mutating func add(_ kind: JSONTapeToken.Kind, flag: Bool = false, start: Int, end: Int) {
            tokens.append(
                JSONTapeToken(
                    kind: kind, flag: flag, start: UInt32(start), end: UInt32(end), next: UInt32(tokens.count + 1)))
        }

        mutating func value(depth: Int) throws {
            guard index < bytes.count else { throw declined("falta un valor") }
            guard bytes.count < Int(UInt32.max) else { throw declined("documento demasiado grande") }
            switch bytes[index] {
            case 0x7B: try container(object: true, depth: depth + 1)
            case 0x5B: try container(object: false, depth: depth + 1)
            case 0x22: try string()
            case 0x74:
                try literal("true")
                add(.bool, flag: true, start: index - 4, end: index)
            case 0x66:
                try literal("false")
                add(.bool, start: index - 5, end: index)
            case 0x6E:
                try literal("null")
                add(.null, start: index - 4, end: index)
            case 0x2D, 0x30...0x39: try number()
            default: throw declined("se esperaba un valor")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw declined("valor incompleto") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw declined("literal desconocido")
            }
            index += count
        }

        /// An object (members are a key token followed by its value's tokens) or an array.
        mutating func container(object: Bool, depth: Int) throws {
            guard depth <= Self.maxDepth else { throw declined("anidamiento demasiado profundo") }
            deepest = max(deepest, depth)
            let position = tokens.count
            add(object ? .object : .array, start: index, end: 0)
            let close: UInt8 = object ? 0x7D : 0x5D
            index += 1
            skipWhitespace()
            var count: UInt32 = 0
            if index < bytes.count, bytes[index] == close {
                index += 1
            } else {
                while true {
                    skipWhitespace()
                    if object {
                        guard index < bytes.count, bytes[index] == 0x22 else { throw declined("se esperaba una clave") }
                        try string()
                        skipWhitespace()
                        guard index < bytes.count, bytes[index] == 0x3A else { throw declined("se esperaba «:»") }
                        index += 1
                        skipWhitespace()
                    }
                    try value(depth: depth)
                    count += 1
                    skipWhitespace()
                    guard index < bytes.count else { throw declined("contenedor sin cerrar") }
                    if bytes[index] == 0x2C {
                        index += 1
                    } else if bytes[index] == close {
                        index += 1
                        break
                    } else {
                        throw declined("se esperaba «,» o el cierre")
                    }
                }
            }
            tokens[position].end = count
            tokens[position].next = UInt32(tokens.count)
        }

        mutating func string() throws {
            index += 1
            let start = index
            var escaped = false
            while index < bytes.count {
                index = ByteScan.stringStop(bytes, from: index)
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == 0x22 {
                    add(.string, flag: escaped, start: start, end: index)
                    index += 1
                    return
                }
                if byte < 0x20 { throw declined("carácter de control en un texto") }
                index += 1
                guard byte == 0x5C else { continue }
                escaped = true
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: continue
                case 0x75:
                    let scalar = try hex4()
                    if scalar == 0 { throw declined("\\u0000") }
                    if (0xDC00...0xDFFF).contains(scalar) { throw declined("sustituto bajo suelto") }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                            throw declined("sustituto alto suelto")
                        }
                        index += 2
                        guard (0xDC00...0xDFFF).contains(try hex4()) else { throw declined("sustituto alto suelto") }
                    }
                default: throw declined("escape desconocido")
                }
            }
            throw declined("texto sin cerrar")
        }

        func badUnicodeEscape(incomplete: Bool) -> JSONTapeError {
            declined(incomplete ? "\\u incompleto" : "\\u no hexadecimal")
        }

        /// A number in RFC 8259's grammar, of at most 38 digits and a two-digit exponent.
        mutating func number() throws {
            let start = index
            if bytes[index] == 0x2D { index += 1 }
            guard index < bytes.count else { throw declined("número incompleto") }
            var digits = 0
            if bytes[index] == 0x30 {
                index += 1
                digits = 1
                if index < bytes.count, (0x30...0x39).contains(bytes[index]) { throw declined("cero inicial") }
            } else {
                digits = skipDigits()
                guard digits > 0 else { throw declined("número sin dígitos") }
            }
            if let fraction = skipFraction() {
                guard fraction > 0 else { throw declined("fracción sin dígitos") }
                digits += fraction
            }
            if let exponent = skipExponent() {
                guard exponent > 0, exponent <= 2 else { throw declined("exponente") }
                hasExponent = true
            }
            guard digits <= 38 else { throw declined("número demasiado largo") }
            add(.number, start: start, end: index)
        }
    }
}
