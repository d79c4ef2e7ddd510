import Foundation

/// A value an importer repaired while reading (doubly-encoded text, a placeholder date, a redacted 0.0 bid):
/// kept so a summary can say which fields were repaired and show examples, never silently.
public struct ValueRepair: Sendable, Hashable {
    /// The line or position of the value (nil when the source has no lines).
    public var line: Int?
    /// The column or JSON path repaired.
    public var field: String
    /// The value as read.
    public var original: String
    /// The value stored.
    public var repaired: String
    /// What settled the repair, when it was a choice (`catálogo`, `mismo código`, `diccionario`).
    public var basis: String?

    public init(line: Int?, field: String, original: String, repaired: String, basis: String? = nil) {
        self.line = line
        self.field = field
        self.original = original
        self.repaired = repaired
        self.basis = basis
    }
}
