import Domain
import Foundation

/// The outcome of one named check.
public struct CheckResult: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// How many items the check looked at (rows, products, tables); 0 means it had nothing to check.
    public var examined: Int
    public var findings: [Finding]
    /// The severity a failure of this check has (its own, or the one the settings give it).
    public var severity: Diagnostic.Severity

    public init(
        id: String, title: String, examined: Int, findings: [Finding], severity: Diagnostic.Severity = .error
    ) {
        self.id = id
        self.title = title
        self.examined = examined
        self.findings = findings
        self.severity = severity
    }

    /// True when no finding is an error (warnings do not fail a check).
    public var passed: Bool { !findings.contains { $0.severity == .error } }

    /// `ok`, `falla`, `advertencia` or `sin datos`.
    public var statusLabel: String {
        if examined == 0 { return "sin datos" }
        if !passed { return "FALLA" }
        return findings.isEmpty ? "ok" : "advertencia"
    }
}
