import Foundation

/// What comes after a table's rows: totals rows for the screen, why it is empty, notes for the reader.
public struct TableFooting: Sendable, Hashable {
    public var totals: [[Cell]]
    public var emptyReason: String?
    public var notes: [String]
    /// The screen title, when it could only be known after the rows (it counts them); nil keeps the heading's.
    public var title: String?

    public init(totals: [[Cell]] = [], emptyReason: String? = nil, notes: [String] = [], title: String? = nil) {
        self.title = title
        self.totals = totals
        self.emptyReason = emptyReason
        self.notes = notes
    }
}
