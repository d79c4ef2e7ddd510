/// Why ``JSONTape`` or ``JSONTapeDecoder`` declined a document. Never shown to users: the caller decodes the
/// same bytes with `JSONDecoder` instead, whose errors (and Spanish wording of them) are the ones reported.
public struct JSONTapeError: Error, Sendable {
    /// What was declined, for debugging.
    public let reason: String

    /// A declined step and why.
    public init(reason: String) {
        self.reason = reason
    }
}
