import Foundation

/// Decodes `Decodable` types straight from a ``JSONValue`` tree, with `JSONDecoder`'s rules and errors (the same
/// `DecodingError` cases, types and coding paths): a tree built in memory (a compiled OCDS release) is read
/// without writing it out as JSON text and parsing that text again.
public struct JSONValueDecoder: Sendable {
    /// A decoder.
    public init() {}

    /// Decodes a value of `type` from `value`.
    /// - Throws: `DecodingError` as `JSONDecoder` would for the same JSON.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try JSONTreeDecoder(value: value, codingPath: []).decode(type)
    }
}

/// The `Decoder` for one value of the tree.
struct JSONTreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw mismatch([String: Any].self, at: codingPath, "se esperaba un objeto")
        }
        return KeyedDecodingContainer(JSONTreeKeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw mismatch([Any].self, at: codingPath, "se esperaba un arreglo")
        }
        return JSONTreeUnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Decodes any type; `Decimal` and ``JSONValue`` are read directly, as `JSONDecoder` reads `Decimal` from the
    /// number's text.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Decimal.self {
            guard case .number(let number) = value, let result = number as? T else {
                throw mismatch(Decimal.self, at: codingPath, "se esperaba un número")
            }
            return result
        }
        if T.self == JSONValue.self, let result = value as? T { return result }
        return try T(from: self)
    }
}

extension JSONTreeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, at: codingPath, "se esperaba un booleano") }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, at: codingPath, "se esperaba texto") }
        return text
    }

    func decode(_ type: Double.Type) throws -> Double { try number(Double.self) { Double("\($0)") } }
    func decode(_ type: Float.Type) throws -> Float { try number(Float.self) { Float("\($0)") } }
    func decode(_ type: Int.Type) throws -> Int { try number(Int.self) { Int("\($0)") } }
    func decode(_ type: Int8.Type) throws -> Int8 { try number(Int8.self) { Int8("\($0)") } }
    func decode(_ type: Int16.Type) throws -> Int16 { try number(Int16.self) { Int16("\($0)") } }
    func decode(_ type: Int32.Type) throws -> Int32 { try number(Int32.self) { Int32("\($0)") } }
    func decode(_ type: Int64.Type) throws -> Int64 { try number(Int64.self) { Int64("\($0)") } }
    func decode(_ type: UInt.Type) throws -> UInt { try number(UInt.self) { UInt("\($0)") } }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try number(UInt8.self) { UInt8("\($0)") } }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try number(UInt16.self) { UInt16("\($0)") } }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try number(UInt32.self) { UInt32("\($0)") } }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try number(UInt64.self) { UInt64("\($0)") } }

    /// A number of a fixed-size type, read from the decimal's text; one that does not fit is corrupt data.
    private func number<N>(_ type: N.Type, _ convert: (Decimal) -> N?) throws -> N {
        guard case .number(let number) = value else { throw mismatch(N.self, at: codingPath, "se esperaba un número") }
        guard let result = convert(number) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "el número \(number) no cabe en \(N.self)"))
        }
        return result
    }
}

extension JSONTreeDecoder {
    /// The error for a value that is not of `type`, as `JSONDecoder` reports it: `null` is a missing value,
    /// anything else a type mismatch.
    func mismatch(_ type: Any.Type, at path: [any CodingKey], _ description: String) -> DecodingError {
        if case .null = value {
            return DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "el valor es null"))
        }
        return DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: description))
    }
}

/// The coding key of an array element (`[3]`).
struct JSONTreeIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
