import Foundation

/// The elements of an array of a ``JSONTape``, read in order.
struct JSONTapeUnkeyedContainer: UnkeyedDecodingContainer {
    let tape: JSONTape
    let state: JSONTapeState
    let count: Int?
    var codingPath: [any CodingKey] { [] }
    private(set) var currentIndex = 0
    /// The token of the current element.
    private var cursor: Int

    init(tape: JSONTape, position: Int, state: JSONTapeState) {
        self.tape = tape
        self.state = state
        count = Int(tape.tokens[position].end)
        cursor = position + 1
    }

    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    /// Reads the current element with `body` and moves past it only when that succeeds (as `JSONDecoder` does).
    private mutating func read<R>(_ type: Any.Type, _ body: (JSONTapeValueDecoder) throws -> R) throws -> R {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "fin del arreglo"))
        }
        let result = try body(JSONTapeValueDecoder(tape: tape, position: cursor, state: state))
        cursor = Int(tape.tokens[cursor].next)
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, tape.tokens[cursor].kind == .null else { return false }
        cursor = Int(tape.tokens[cursor].next)
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

    mutating func superDecoder() throws -> any Decoder {
        state.declined = true
        throw JSONTapeError(reason: "superDecoder")
    }
}
