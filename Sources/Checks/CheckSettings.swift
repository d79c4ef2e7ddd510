import Domain
import Foundation

/// What a user changed about the checks: the severity of a check's findings, by check id (from the
/// `[verificaciones]` table of the settings file). A check whose severity is lowered below error no longer fails.
public struct CheckSettings: Sendable, Hashable {
    /// Severity by check id.
    public var severities: [String: Diagnostic.Severity]

    public init(severities: [String: Diagnostic.Severity] = [:]) {
        self.severities = severities
    }

    /// The result with every finding at the severity the settings give its check (unchanged when none).
    public func apply(_ result: CheckResult) -> CheckResult {
        guard let severity = severities[result.id] else { return result }
        var changed = result
        changed.severity = severity
        changed.findings = result.findings.map { finding in
            var copy = finding
            copy.severity = severity
            return copy
        }
        return changed
    }

    /// Ids the settings name that no check has (a typo in the settings file).
    public func unknownIDs(among checks: [any LedgerCheck] = CheckCatalog.all) -> [String] {
        let known = Set(checks.map(\.id))
        return severities.keys.filter { !known.contains($0) }.sorted()
    }
}
