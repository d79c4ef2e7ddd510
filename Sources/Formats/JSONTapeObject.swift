import Foundation

/// One object of a ``JSONTape``, for types that read their few fields straight from the bytes, without the
/// `Decoder` protocols (a container box, metadata look-ups and existentials per value). Every read gives what
/// `JSONDecoder` gives for the same bytes or throws ``JSONTapeError``; callers then decode the element the usual
/// way, whose errors are the ones users see.
public struct JSONTapeObject: Sendable {
    let tape: JSONTape
    let position: Int

    /// The object `data` holds.
    /// - Throws: ``JSONTapeError`` when the tape declines the bytes or they hold something else than an object.
    public init(_ data: Data) throws {
        let tape = try JSONTape(data)
        guard tape.tokens.first?.kind == .object else { throw JSONTapeError(reason: "no es un objeto") }
        self.init(tape: tape, position: 0)
    }

    init(tape: JSONTape, position: Int) {
        self.tape = tape
        self.position = position
    }

    /// The value under `key`, the first of duplicate keys as in `JSONDecoder`; nil when the key is missing.
    public func member(_ key: String) -> JSONTapeValue? {
        let end = Int(tape.tokens[position].next)
        var member = position + 1
        while member < end {
            if tape.keyEquals(member, key) { return JSONTapeValue(tape: tape, position: member + 1) }
            member = Int(tape.tokens[member + 1].next)
        }
        return nil
    }

    /// The value under `key`, the last of duplicate keys as ``JSONValue/parse(_:maxDepth:)`` keeps it; nil when
    /// the key is missing.
    public func lastMember(_ key: String) -> JSONTapeValue? {
        var key = key
        // Every member is compared (a later duplicate wins), so the loop works on the buffers directly.
        let found = key.withUTF8 { wanted -> Int? in
            tape.tokens.withUnsafeBufferPointer { tokens in
                tape.bytes.withUnsafeBufferPointer { bytes -> Int? in
                    let end = Int(tokens[position].next)
                    var member = position + 1
                    var found: Int?
                    while member < end {
                        let token = tokens[member]
                        let length = Int(token.end - token.start)
                        if token.flag {
                            if tape.keyEquals(member, String(decoding: wanted, as: UTF8.self)) { found = member + 1 }
                        } else if length == wanted.count {
                            guard length > 0, let base = bytes.baseAddress, let other = wanted.baseAddress else {
                                found = member + 1
                                member = Int(tokens[member + 1].next)
                                continue
                            }
                            if memcmp(base + Int(token.start), other, length) == 0 { found = member + 1 }
                        }
                        member = Int(tokens[member + 1].next)
                    }
                    return found
                }
            }
        }
        return found.map { JSONTapeValue(tape: tape, position: $0) }
    }

    /// Whether ``JSONValue/parse(_:maxDepth:)`` surely accepts the whole document this object belongs to, so
    /// reading it from the tape gives what the tree would: the tape declines everything else the parser rejects
    /// except nesting deeper than `maxDepth` and numbers out of `Decimal`'s range (only possible with an
    /// exponent, so any exponent answers false).
    public func parsesAsTree(maxDepth: Int) -> Bool {
        tape.deepest <= maxDepth && !tape.hasExponent
    }
}
