import Foundation

/// A supplier's awards across every year the ledger holds up to the end of a fiscal year (for "new supplier").
public struct FlagSupplierHistory: Hashable, Sendable {
    /// The date of its first active award (or NPG purchase) in the data.
    public var firstAwardAt: Date?
    /// How many processes (NOG or NPG) it was awarded.
    public var processes: Int
    /// The sum of those awards' amounts.
    public var total: Money

    /// Creates a history.
    public init(firstAwardAt: Date?, processes: Int, total: Money) {
        self.firstAwardAt = firstAwardAt
        self.processes = processes
        self.total = total
    }
}
