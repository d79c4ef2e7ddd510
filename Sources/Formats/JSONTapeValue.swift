import Foundation

/// One value of a ``JSONTapeObject``: its kind, and reads that throw ``JSONTapeError`` for any other kind.
public struct JSONTapeValue: Sendable {
    /// The JSON kinds.
    public enum Kind: Sendable { case null, bool, number, string, array, object }

    let tape: JSONTape
    let position: Int

    private var token: JSONTapeToken { tape.tokens[position] }

    /// What the value is.
    public var kind: Kind {
        switch token.kind {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The text of a string.
    public func string() throws -> String {
        guard token.kind == .string else { throw declined("texto") }
        return try tape.string(at: position)
    }

    /// A number as `JSONDecoder` reads it into a `Decimal`.
    public func decimal() throws -> Decimal {
        guard token.kind == .number, let number = tape.decimal(at: position) else { throw declined("número") }
        return number
    }

    /// A boolean.
    public func bool() throws -> Bool {
        guard token.kind == .bool else { throw declined("booleano") }
        return token.flag
    }

    /// An object.
    public func object() throws -> JSONTapeObject {
        guard token.kind == .object else { throw declined("objeto") }
        return JSONTapeObject(tape: tape, position: position)
    }

    /// The elements of an array, in order.
    public func elements() throws -> Elements {
        guard token.kind == .array else { throw declined("arreglo") }
        return Elements(tape: tape, cursor: position + 1, remaining: Int(token.end))
    }

    private func declined(_ expected: String) -> JSONTapeError {
        JSONTapeError(reason: "se esperaba \(expected), hay \(token.kind)")
    }

    /// The elements of an array, each found from the one before in one step.
    public struct Elements: Sequence, IteratorProtocol, Sendable {
        let tape: JSONTape
        var cursor: Int
        var remaining: Int

        /// The number of elements left.
        public var underestimatedCount: Int { remaining }

        public mutating func next() -> JSONTapeValue? {
            guard remaining > 0 else { return nil }
            let value = JSONTapeValue(tape: tape, position: cursor)
            cursor = Int(tape.tokens[cursor].next)
            remaining -= 1
            return value
        }
    }
}
