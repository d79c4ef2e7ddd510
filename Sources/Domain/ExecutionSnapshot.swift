import Foundation

/// What one execution import holds: the budget lines of a file at one cut-off.
public struct ExecutionSnapshot: Hashable, Sendable, Codable {
    public var cutoff: ExecutionCutoff
    public var lines: [BudgetLine]

    public init(cutoff: ExecutionCutoff, lines: [BudgetLine]) {
        self.cutoff = cutoff
        self.lines = lines
    }

    /// The amounts of every line added up.
    /// - Throws: ``MoneyOverflowError`` when the lines add up beyond 64-bit centavos.
    public var total: ExecutionAmounts {
        get throws(MoneyOverflowError) {
            var sum = ExecutionAmounts.zero
            for line in lines { sum = try sum + line.amounts }
            return sum
        }
    }
}
