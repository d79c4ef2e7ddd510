import Foundation

/// The members of an object of a ``JSONTape``, found by comparing key bytes in order (the first of duplicate
/// keys wins, as in `JSONDecoder`); nothing is built for members never asked for.
struct JSONTapeKeyedContainer<Key: CodingKey>: JSONMemberReading {
    let tape: JSONTape
    let position: Int
    let state: JSONTapeState
    var codingPath: [any CodingKey] { [] }

    /// `JSONDecoder` lists keys in no set order; a type that walks them could take another path: declined.
    var allKeys: [Key] {
        state.declined = true
        return []
    }

    /// The position of the value under `key`, if the object has that key.
    private func find(_ key: Key) -> Int? {
        JSONTapeObject(tape: tape, position: position).member(key.stringValue)?.position
    }

    func member(_ key: Key) throws -> JSONTapeValueDecoder {
        guard let found = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "falta"))
        }
        return JSONTapeValueDecoder(tape: tape, position: found, state: state)
    }

    /// The member under `key` unless it is missing or `null`, in one look-up.
    private func present(_ key: Key) -> JSONTapeValueDecoder? {
        guard let found = find(key), tape.tokens[found].kind != .null else { return nil }
        return JSONTapeValueDecoder(tape: tape, position: found, state: state)
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    // The common case of an optional field: one look-up instead of `contains`, `decodeNil` and `decode`.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key)?.decode(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key)?.decode(type)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key)?.decode(type)
    }

    func superDecoder() throws -> any Decoder { throw member(key: "super") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw member(key: key.stringValue) }

    /// Super decoders are not used by the ledger's types: declined.
    private func member(key: String) -> JSONTapeError {
        state.declined = true
        return JSONTapeError(reason: "superDecoder \(key)")
    }
}
