import Foundation

/// The members of an object of a ``JSONValue`` tree, read by key.
struct JSONTreeKeyedContainer<Key: CodingKey>: JSONMemberReading {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    /// The member under `key`; a missing key is `keyNotFound`, as in `JSONDecoder`.
    func member(_ key: Key) throws -> JSONTreeDecoder {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "falta el campo «\(key.stringValue)»"))
        }
        return JSONTreeDecoder(value: value, codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        JSONTreeDecoder(value: members["super"] ?? .null, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONTreeDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}
