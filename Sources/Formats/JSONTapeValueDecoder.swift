import Foundation

/// The `Decoder` for one value of a ``JSONTape``.
struct JSONTapeValueDecoder: Decoder {
    let tape: JSONTape
    let position: Int
    let state: JSONTapeState
    /// Always empty: errors of this decoder are never shown (see ``JSONTapeDecoder``).
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var token: JSONTapeToken { tape.tokens[position] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard token.kind == .object else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(JSONTapeKeyedContainer<Key>(tape: tape, position: position, state: state))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard token.kind == .array else { throw mismatch([Any].self) }
        return JSONTapeUnkeyedContainer(tape: tape, position: position, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Decodes any type; `Decimal` is read from the number's text as `JSONDecoder` reads it. Types `JSONDecoder`
    /// treats specially (dates, data, URLs, dictionaries) and ``JSONValue`` are declined.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Decimal.self {
            guard token.kind == .number else { throw mismatch(Decimal.self) }
            guard let number = tape.decimal(at: position), let result = number as? T else { throw decline("Decimal") }
            return result
        }
        // Dictionaries need no check here: their decoding asks for `allKeys`, which declines.
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == JSONValue.self {
            throw decline("tipo con trato especial en JSONDecoder")
        }
        return try T(from: self)
    }

    /// The error for a value that is not of `type`, of the same case `JSONDecoder` throws (callers catch
    /// `typeMismatch` to try another reading): `null` is a missing value, anything else a mismatch.
    func mismatch(_ type: Any.Type) -> DecodingError {
        if token.kind == .null {
            return DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "null"))
        }
        return DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "\(token.kind)"))
    }

    /// Declines the whole decoding, even if the caller catches the error.
    func decline(_ reason: String) -> JSONTapeError {
        state.declined = true
        return JSONTapeError(reason: reason)
    }
}

extension JSONTapeValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { token.kind == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard token.kind == .bool else { throw mismatch(Bool.self) }
        return token.flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard token.kind == .string else { throw mismatch(String.self) }
        do {
            return try tape.string(at: position)
        } catch {
            throw decline("texto")
        }
    }

    // Binary numbers are not part of what the ledger reads from JSON (amounts are `Decimal`): declined.
    func decode(_ type: Double.Type) throws -> Double { throw decline("Double") }
    func decode(_ type: Float.Type) throws -> Float { throw decline("Float") }
    func decode(_ type: Int.Type) throws -> Int { throw decline("Int") }
    func decode(_ type: Int8.Type) throws -> Int8 { throw decline("Int8") }
    func decode(_ type: Int16.Type) throws -> Int16 { throw decline("Int16") }
    func decode(_ type: Int32.Type) throws -> Int32 { throw decline("Int32") }
    func decode(_ type: Int64.Type) throws -> Int64 { throw decline("Int64") }
    func decode(_ type: UInt.Type) throws -> UInt { throw decline("UInt") }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw decline("UInt8") }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw decline("UInt16") }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw decline("UInt32") }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw decline("UInt64") }
}
