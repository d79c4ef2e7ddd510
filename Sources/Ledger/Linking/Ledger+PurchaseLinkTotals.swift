import Domain
import Foundation
import GRDB

extension Ledger {
    /// A year's links (every year when nil), of one buyer's purchases or all, added up per purchase and year in
    /// link order (each (ejercicio, NOG) together): the links' count, shares and amounts, with `links` to read the
    /// group's links themselves (in the same read, so the same rows). For checks that add up 300,000 links and look closely at few.
    ///
    /// A group ends at another year or at a NOG that is not the group's first as a `String` (bytes are compared first; a `String` is made only where they differ).
    public func forEachPurchaseLinkTotals(
        ejercicio: Int?, buyer: ProcurementScope? = nil,
        _ body: (_ totals: PurchaseLinkTotals, _ links: () throws -> [ProcurementLink]) throws -> Void
    ) throws {
        try read { db in
            let (condition, arguments) = Self.linkCondition(ejercicio: ejercicio, nog: nil, buyer: buyer)
            let rows = try FlagRawStatement(
                db,
                sql: """
                    SELECT id, ejercicio, nog, share_billionths, amount
                    FROM procurement_link WHERE \(condition) ORDER BY ejercicio, nog, id
                    """, arguments: arguments)
            var group: (ejercicio: Int, nog: String, share: LinkShare, amount: Money?)?
            var ids: [Int64] = []
            var lastNOG: [UInt8] = []
            func finish() throws {
                guard let done = group else { return }
                let totals = PurchaseLinkTotals(
                    ejercicio: done.ejercicio, nog: done.nog, count: ids.count, share: done.share,
                    amount: done.amount)
                try body(totals) {
                    // Ids are few and integers: written into the SQL rather than bound.
                    try ProcurementLinkRecord.fetchLeanLinks(
                        db, where: "id IN (\(ids.map(String.init).joined(separator: ",")))", arguments: [])
                }
            }
            while try rows.step() {
                let year = Int(rows.int64(1))
                let nogBytes = rows.bytes(2) ?? UnsafeBufferPointer(start: nil, count: 0)
                let sameBytes = nogBytes.elementsEqual(lastNOG)
                if !sameBytes { lastNOG = Array(nogBytes) }
                let share = LinkShare(billionths: rows.int64(3))
                let amount = Money(centavos: rows.int64(4))
                if let current = group, current.ejercicio == year,
                    sameBytes || String(decoding: nogBytes, as: UTF8.self) == current.nog
                {
                    group?.share = current.share + share
                    group?.amount = current.amount.flatMap { try? $0 + amount }
                } else {
                    try finish()
                    group = (year, String(decoding: nogBytes, as: UTF8.self), LinkShare(billionths: 0) + share, amount)
                    ids.removeAll(keepingCapacity: true)
                }
                ids.append(rows.int64(0))
            }
            try finish()
        }
    }
}
