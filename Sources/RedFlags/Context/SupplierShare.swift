import Domain
import Foundation

/// What one supplier was awarded in one purchase (its active awards added up).
struct SupplierShare: Hashable, Sendable {
    let id: String
    /// The supplier's small integer in the run (for grouping); −1 outside a run's facts.
    var index: Int = -1
    let name: String
    /// nil when none of its awards gave an amount.
    let amount: Money?
}
