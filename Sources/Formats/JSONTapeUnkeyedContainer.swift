import Foundation

/// The elements of an array of a ``JSONTape``, read in order.
struct JSONTapeUnkeyedContainer: JSONElementReading {
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
    mutating func read<R>(_ type: Any.Type, _ body: (JSONTapeValueDecoder) throws -> R) throws -> R {
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

    mutating func superDecoder() throws -> any Decoder {
        state.declined = true
        throw JSONTapeError(reason: "superDecoder")
    }
}
