import Domain
import Foundation
import Ledger

/// A named integrity check or red flag over the ledger.
public protocol LedgerCheck: Sendable {
    /// Stable id users can cite and filter by (`resumen.porcentaje-total`).
    var id: String { get }
    /// One-line Spanish title.
    var title: String { get }
    /// Runs the check.
    func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult
}
