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
        ExecutionWithoutGoalCheck(),
        GoalWithoutBudgetCheck(),
        LinkSharesSumCheck(),
        LinkedAmountWithinAwardCheck(),
        SupplierNITCheck(),
        PurchaseOutsideFiscalYearCheck(),
        AwardedAmountAcrossSourcesCheck(),
        EvidenceUnknownNOGCheck(),
        EvidenceUnknownBudgetLineCheck(),
    ]

    /// Runs every check (or those whose id starts with one of `only`), at the severities the settings give.
    public static func run(
        on ledger: Ledger, scope: CheckScope, only: [String] = [], settings: CheckSettings = CheckSettings()
    ) throws -> [CheckResult] {
        try all.filter { selects($0.id, only: only) }
            .map { check in
                var result = try check.run(on: ledger, scope: scope)
                result.severity = check.severity
                return settings.apply(result)
            }
    }

    /// True when a check is among those asked for: every one when `only` is empty, else those whose id starts
    /// with one of its prefixes.
    public static func selects(_ id: String, only: [String]) -> Bool {
        only.isEmpty || only.contains { id.hasPrefix($0) }
    }
}
