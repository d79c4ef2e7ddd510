import Foundation

/// A purchase that two rules match with different targets: the first rule in the file links it.
public struct RuleConflict: Hashable, Sendable {
    public var nog: String
    /// The rule that linked the purchase.
    public var winner: String
    /// A later rule that matched too and would have linked it elsewhere.
    public var other: String

    public init(nog: String, winner: String, other: String) {
        self.nog = nog
        self.winner = winner
        self.other = other
    }
}
