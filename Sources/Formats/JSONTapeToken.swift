/// One value (or object key) of a ``JSONTape``: where its bytes are and, for arrays and objects, where the
/// value after it starts, so skipping a whole subtree is one step.
struct JSONTapeToken: Sendable {
    enum Kind: UInt8, Sendable { case null, bool, number, string, array, object }

    let kind: Kind
    /// A string with backslash escapes (decoded on demand); for booleans, `true`.
    let flag: Bool
    /// First byte: after the opening quote of a string, the first character otherwise.
    let start: UInt32
    /// One past the last byte (the closing quote of a string); for arrays and objects, the number of elements or
    /// members.
    var end: UInt32
    /// The index of the token after this value and everything inside it.
    var next: UInt32
}
