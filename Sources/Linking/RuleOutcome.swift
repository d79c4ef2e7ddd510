import Domain
import Foundation

/// What one rule did in a linking pass.
public struct RuleOutcome: Hashable, Sendable {
    public var id: String
    /// 1-based line of the rule in its file.
    public var line: Int
    /// Purchases examined whose criteria the rule matched (including those evidence or a manual link took).
    public var matched: Int
    /// Purchases the rule linked.
    public var linked: Int
    /// Purchases it matched that an earlier rule linked elsewhere.
    public var conflicts: Int
    /// Awarded amount of what the rule linked.
    public var amount: Money

    public init(id: String, line: Int, matched: Int = 0, linked: Int = 0, conflicts: Int = 0, amount: Money = .zero) {
        self.id = id
        self.line = line
        self.matched = matched
        self.linked = linked
        self.conflicts = conflicts
        self.amount = amount
    }
}
