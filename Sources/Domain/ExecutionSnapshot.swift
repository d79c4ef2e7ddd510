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
    public var total: ExecutionAmounts { lines.reduce(.zero) { $0 + $1.amounts } }
}
