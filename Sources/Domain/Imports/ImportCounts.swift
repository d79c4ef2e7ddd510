import Foundation

/// What an import wrote: rows read, accepted and rejected, and how many natural keys were new or updated.
public struct ImportCounts: Sendable, Hashable {
    public var rowsRead = 0
    public var rowsAccepted = 0
    public var rowsRejected = 0
    /// Natural keys (products, NOGs, budget lines) that did not exist before this import.
    public var inserted = 0
    /// Natural keys that existed and whose values this import changed.
    public var updated = 0
    /// Natural keys that existed with the same values.
    public var unchanged = 0

    public init(rowsRead: Int = 0, rowsAccepted: Int = 0, rowsRejected: Int = 0) {
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
    }
}
