import Foundation

/// Everything the red-flag indicators read from the ledger for one fiscal year.
public struct FlagInputs: Hashable, Sendable {
    /// The fiscal year asked for.
    public var ejercicio: Int
    /// NOG processes published or awarded in the year, and NPG purchases of the year from execution evidence.
    public var purchases: [FlagPurchase]
    /// Each supplier's award history up to the end of the year, by supplier id.
    public var supplierHistory: [String: FlagSupplierHistory]
    /// The earliest publication or award date in the ledger (how far back the history goes).
    public var coverageStart: Date?
    /// Executing units seen paying the year's NOGs of each buying unit (input-level execution with a NOG).
    public var unitLinks: [FlagUnitLink]
    /// Execution evidence, budget lines and links, for the budget-linked indicators (TR18–TR19).
    public var spending: FlagSpending

    /// Creates the inputs.
    public init(
        ejercicio: Int, purchases: [FlagPurchase], supplierHistory: [String: FlagSupplierHistory] = [:],
        coverageStart: Date? = nil, unitLinks: [FlagUnitLink] = [], spending: FlagSpending = FlagSpending()
    ) {
        self.ejercicio = ejercicio
        self.purchases = purchases
        self.supplierHistory = supplierHistory
        self.coverageStart = coverageStart
        self.unitLinks = unitLinks
        self.spending = spending
    }
}
