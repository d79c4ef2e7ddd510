import Domain
import Foundation

/// What one supplier was awarded in one purchase (its active awards added up).
struct SupplierShare: Hashable, Sendable {
    let id: String
    let name: String
    /// nil when none of its awards gave an amount.
    let amount: Money?
}
