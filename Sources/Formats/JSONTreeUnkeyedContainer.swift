import Foundation

/// The elements of an array of a ``JSONValue`` tree, read in order.
struct JSONTreeUnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element, moving past it only when it is read successfully (as `JSONDecoder` does).
    private func next(_ type: Any.Type) throws -> JSONTreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: codingPath + [JSONTreeIndexKey(index: currentIndex)],
                    debugDescription: "el arreglo no tiene más elementos"))
        }
        return JSONTreeDecoder(
            value: elements[currentIndex], codingPath: codingPath + [JSONTreeIndexKey(index: currentIndex)])
    }

    /// Reads the next element with `body`; `type` names what was expected when there is none.
    private mutating func read<R>(_ type: Any.Type, _ body: (JSONTreeDecoder) throws -> R) throws -> R {
        let result = try body(try next(type))
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = elements[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) { try $0.decode(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type) { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try read(type) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try read([Any].self) { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder { try read(JSONValue.self) { $0 as any Decoder } }
}
