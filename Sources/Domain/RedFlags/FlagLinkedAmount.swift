import Foundation

/// A purchase linked to a product by a rule or by hand: the budget line it points at (the product's structure and
/// the link's renglón) and the awarded amount the link covers.
public struct FlagLinkedAmount: Hashable, Sendable {
    public var nog: String
    /// The linked product's budget structure.
    public var structure: BudgetStructure
    /// The renglón the link names; nil when the rule or manual row gives none.
    public var renglon: Renglon?
    public var amount: Money

    /// Creates a linked amount.
    public init(nog: String, structure: BudgetStructure, renglon: Renglon?, amount: Money) {
        self.nog = nog
        self.structure = structure
        self.renglon = renglon
        self.amount = amount
    }
}
