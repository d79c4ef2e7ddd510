import Foundation

/// How an incoming procurement combines with the one already in the ledger under the same NOG.
public enum ProcurementMergePolicy: String, Sendable, Hashable, CaseIterable {
    /// The incoming value is the whole truth (an OCDS compiled release): it replaces the stored one, unless it
    /// is older than what is stored (by ``Procurement/lastUpdatedAt``), in which case it is ignored.
    case replace
    /// The incoming value fills in and overrides only what it states (a flat export or an HTML page that knows
    /// part of the story): nil fields and empty lists keep the stored values; release ids accumulate.
    case overlay
}
