import Foundation

/// What the budget-linked red flags (TR18–TR19) read besides the purchases: the execution evidence that ties
/// purchases to the budget, the year's devengado by budget line, the purchases linked by rule or by hand, and how
/// far the ledger's execution data reach.
public struct FlagSpending: Hashable, Sendable {
    /// Evidence rows (input-level execution and CUR) of the year, and of any year for the year's NOGs (a purchase
    /// may be paid the next year), with the file each came from, in import then file order.
    public var evidence: [StoredLinkEvidence]
    /// NOGs named by evidence that the ledger has no procurement record of.
    public var unknownNOGs: Set<String>
    /// The year's current execution by budget structure and renglón.
    public var budgetLines: [BudgetLine]
    /// The year's links made by rule or by hand (evidence links are the evidence rows themselves).
    public var linkedAmounts: [FlagLinkedAmount]
    /// The last day the ledger's execution data cover (`2022-12-31`): the latest evidence date or budget cut-off.
    public var executionThrough: String?

    /// Creates the inputs; empty by default (a ledger without execution).
    public init(
        evidence: [StoredLinkEvidence] = [], unknownNOGs: Set<String> = [], budgetLines: [BudgetLine] = [],
        linkedAmounts: [FlagLinkedAmount] = [], executionThrough: String? = nil
    ) {
        self.evidence = evidence
        self.unknownNOGs = unknownNOGs
        self.budgetLines = budgetLines
        self.linkedAmounts = linkedAmounts
        self.executionThrough = executionThrough
    }
}
