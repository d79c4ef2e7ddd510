import Foundation

/// Decodes `Decodable` types from JSON bytes through a ``JSONTape``: only the fields a type asks for are built
/// (no dictionary of every member, no string for a skipped field), which is most of what `JSONDecoder` spends
/// its time on when a type keeps a few fields of a large document.
///
/// A fast path, not a replacement: it declines (throws) whenever it is unsure it would give what `JSONDecoder`
/// gives for the same bytes, and its errors carry no coding path. Callers decode with `JSONDecoder` when it
/// throws, so users only ever see `JSONDecoder`'s errors. When it succeeds the value is the one `JSONDecoder`
/// would give: the first of duplicate keys wins, as there; `Decimal`s are read from the number's text.
public struct JSONTapeDecoder: Sendable {
    /// A decoder.
    public init() {}

    /// Decodes a value of `type` from `data`.
    /// - Throws: ``JSONTapeError`` or `DecodingError` (without coding paths) when declined.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let tape = try JSONTape(data)
        let state = JSONTapeState()
        let value = try JSONTapeValueDecoder(tape: tape, position: 0, state: state).decode(type)
        // A declined step swallowed by a `try?` inside the type's own decoding may have led it down another
        // branch than `JSONDecoder` would have taken.
        if state.declined { throw JSONTapeError(reason: "paso declinado dentro de la decodificación") }
        return value
    }
}

/// Whether a step was declined during one decoding, even if the type's code caught the error.
final class JSONTapeState: @unchecked Sendable {
    // One decoding runs on one thread; the class only exists so every nested container sees the same flag.
    var declined = false
}
