import Foundation

/// What the ledger did with one procurement handed to a ``ProcurementSink``.
public enum ProcurementUpsertResult: Sendable, Hashable {
    /// The NOG was new.
    case inserted
    /// The NOG existed with other content; these Domain fields changed and a `release_history` row was written.
    case updated(changedFields: [String])
    /// The NOG existed with the same content (or appeared earlier in this file with the same content).
    case unchanged
    /// The stored data are newer (by release date) than the incoming ones, which were ignored.
    case stale
    /// The NOG appeared earlier in the same import with different content: nothing was written for it.
    case conflictingDuplicate
    /// The ocid is already stored under another NOG: nothing was written.
    case ocidBelongsToOtherNOG(String)

    /// True when the procurement was accepted (written, or already there).
    public var isAccepted: Bool {
        switch self {
        case .inserted, .updated, .unchanged, .stale: true
        case .conflictingDuplicate, .ocidBelongsToOtherNOG: false
        }
    }
}
