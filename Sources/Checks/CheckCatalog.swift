import Foundation
import Ledger

/// Every check the tool knows, in the order they are reported.
public enum CheckCatalog {
    /// All checks.
    public static let all: [any LedgerCheck] = [
        DeclaredTotalShareCheck(),
        DeclaredSharePrecisionCheck(),
        DeclaredAmountsSumCheck(),
        DeclaredAmountsMatchMetasCheck(),
        SubproductGoalsSumCheck(),
        ExecutionVigenteMatchesProductsCheck(),
    ]

    /// Runs every check (or those whose id starts with one of `only`).
    public static func run(on ledger: Ledger, scope: CheckScope, only: [String] = []) throws -> [CheckResult] {
        try all.filter { check in only.isEmpty || only.contains { check.id.hasPrefix($0) } }
            .map { try $0.run(on: ledger, scope: scope) }
    }
}
