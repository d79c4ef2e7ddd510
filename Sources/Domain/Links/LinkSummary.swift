import Foundation

/// How a year's purchases stand after linking: how many each method linked, for how much, and how many stayed
/// unlinked.
public struct LinkSummary: Hashable, Sendable {
    /// Purchases and linked amount of one method.
    public struct Tally: Hashable, Sendable {
        public var purchases: Int
        public var amount: Money

        public init(purchases: Int = 0, amount: Money = .zero) {
            self.purchases = purchases
            self.amount = amount
        }
    }

    public var byMethod: [LinkMethod: Tally] = [:]
    public var unlinked = 0

    public init() {}

    /// Purchases linked by any method.
    public var linked: Int { byMethod.values.reduce(0) { $0 + $1.purchases } }
}
