import Domain
import Foundation

/// The purchases' side of several reconciliations of one year (one per grouping), placed together as the purchases
/// stream. The budget lines the links explain (product and renglón) are the same whatever the grouping, so they are
/// noted once, not once per grouping: on a national year that was a quarter of placing the purchases.
public struct ReconciliationPurchasesBatch: Sendable {
    private var placed: [ReconciliationPurchases]

    public init(groupings: [ReconciliationGrouping], ejercicio: Int, period: Period? = nil) {
        placed = groupings.map { ReconciliationPurchases(grouping: $0, ejercicio: ejercicio, period: period) }
    }

    /// Places one purchase in scope in every grouping (``ReconciliationPurchases/add(_:links:)``).
    public mutating func add(_ procurement: LinkableProcurement, links: [ProcurementLink]) throws {
        for index in placed.indices {
            try placed[index].add(procurement, links: links, notingExplained: index == placed.startIndex)
        }
    }

    /// Each grouping's purchases, in the order of the groupings given, as if placed apart.
    public var purchases: [ReconciliationPurchases] {
        guard let explained = placed.first?.explained else { return placed }
        return placed.map { purchases in
            var purchases = purchases
            purchases.explained = explained
            return purchases
        }
    }
}
