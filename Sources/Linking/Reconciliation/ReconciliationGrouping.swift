import Foundation

/// What a reconciliation adds up by.
public enum ReconciliationGrouping: String, Hashable, Sendable, CaseIterable {
    /// The product of the metas (execution by its budget structure, purchases by their links).
    case producto
    /// The expense group of the renglón (`200`).
    case grupo
    /// The renglón (`211`).
    case renglon
    /// The month: monthly devengado, and purchases by award (else publication) date.
    case mes
}
