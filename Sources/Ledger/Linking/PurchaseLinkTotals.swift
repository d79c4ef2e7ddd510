import Domain

/// What one purchase's links of one year add up to, as ``Ledger/forEachPurchaseLinkTotals(ejercicio:buyer:_:)``
/// reads them: the sums the link checks compare, without the links themselves.
public struct PurchaseLinkTotals: Sendable {
    /// The links' fiscal year.
    public let ejercicio: Int
    /// The first link's NOG.
    public let nog: String
    /// How many links the purchase has in the year.
    public let count: Int
    /// The links' shares added in link order, as `reduce(LinkShare(billionths: 0), +)` adds them.
    public let share: LinkShare
    /// The links' amounts added in link order, as ``Money/sum(_:)`` adds them; nil when that sum overflows.
    public let amount: Money?
}
