import Domain
import Foundation

@testable import Ledger

extension Ledger {
    /// A year's links (every year when nil), of one buyer's purchases or all, one purchase at a time: the links of
    /// each (ejercicio, NOG) together, in link order, as the link checks read them before they added them up
    /// (``forEachPurchaseLinkTotals(ejercicio:buyer:_:)``): what those totals must match.
    func forEachPurchaseLinks(
        ejercicio: Int?, buyer: ProcurementScope? = nil, _ body: ([ProcurementLink]) throws -> Void
    ) throws {
        try read { db in
            let (condition, arguments) = Self.linkCondition(ejercicio: ejercicio, nog: nil, buyer: buyer)
            var group: [ProcurementLink] = []
            try ProcurementLinkRecord.forEachLeanLink(db, where: condition, arguments: arguments) { link in
                if let first = group.first, first.ejercicio != link.ejercicio || first.nog != link.nog {
                    try body(group)
                    group.removeAll(keepingCapacity: true)
                }
                group.append(link)
            }
            if !group.isEmpty { try body(group) }
        }
    }
}
