import Domain
import Foundation
import Ledger

/// A named integrity check or red flag over the ledger.
public protocol LedgerCheck: Sendable {
    /// Stable id users can cite and filter by (`resumen.porcentaje-total`).
    var id: String { get }
    /// One-line Spanish title.
    var title: String { get }
    /// The severity of what the check finds (error fails `check`; the settings file may change it).
    var severity: Diagnostic.Severity { get }
    /// Runs the check.
    func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult
}

extension LedgerCheck {
    /// Checks that do not say are errors.
    public var severity: Diagnostic.Severity { .error }
}
