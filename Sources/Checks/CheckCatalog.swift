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
        var results: [CheckResult] = []
        try run(on: ledger, scope: scope, only: only, settings: settings) { results.append($0) }
        return results
    }

    /// ``run(on:scope:only:settings:)`` handing each check's result over as soon as it has run, so a caller that
    /// writes them need not hold every check's findings at once (a national year's are a hundred thousand).
    public static func run(
        on ledger: Ledger, scope: CheckScope, only: [String] = [], settings: CheckSettings = CheckSettings(),
        each: (CheckResult) throws -> Void
    ) throws {
        for check in all where selects(check.id, only: only) {
            var result = try check.run(on: ledger, scope: scope)
            result.severity = check.severity
            try each(settings.apply(result))
        }
    }

    /// True when a check is among those asked for: every one when `only` is empty, else those whose id starts
    /// with one of its prefixes.
    public static func selects(_ id: String, only: [String]) -> Bool {
        only.isEmpty || only.contains { id.hasPrefix($0) }
    }
}
