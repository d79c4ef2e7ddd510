import Domain
import Foundation
import GRDB

/// The purchases of a condition as reconciliation reads them (NOG, dates, import run, each award's amount and
/// status, contracted total; titles, units, modality, status and suppliers left empty), one at a time by NOG. Their awards and
/// contract totals come from two more reads in the same NOG order, stepped alongside, so only the current
/// purchase is ever built: a national year's 200,000 were 70 MB as an array.
final class LeanProcurementCursor {
    private let purchases: FlagRawStatement
    private let awards: FlagRawStatement
    private let contracts: FlagRawStatement
    /// Whether each side read is on a row not yet taken.
    private var awardsPending: Bool
    private var contractsPending: Bool

    init(_ db: Database, condition: String, arguments: StatementArguments) throws {
        purchases = try FlagRawStatement(
            db,
            sql: """
                SELECT p.id, p.nog, p.published_at, p.awarded_at, p.import_run_id
                FROM procurement p WHERE \(condition) ORDER BY p.nog
                """, arguments: arguments)
        awards = try FlagRawStatement(
            db,
            sql: """
                SELECT a.procurement_id, a.amount, a.status
                FROM award a JOIN procurement p ON p.id = a.procurement_id WHERE \(condition) ORDER BY p.nog, a.id
                """, arguments: arguments)
        contracts = try FlagRawStatement(
            db,
            sql: """
                SELECT c.procurement_id, SUM(c.amount) FROM contract c JOIN procurement p ON p.id = c.procurement_id
                WHERE \(condition) AND c.amount IS NOT NULL GROUP BY c.procurement_id ORDER BY p.nog
                """, arguments: arguments)
        awardsPending = try awards.step()
        contractsPending = try contracts.step()
    }

    /// The next purchase by NOG, with its awards in stored order; nil after the last.
    func next() throws -> LinkableProcurement? {
        guard try purchases.step() else { return nil }
        let id = purchases.int64(0)
        var purchase = LinkableProcurement(
            nog: purchases.string(1) ?? "", title: "", publishedAt: ProcurementColumnDate.date(purchases.string(2)),
            awardedAt: ProcurementColumnDate.date(purchases.string(3)), importRunID: purchases.int64(4))
        // The side reads follow the same NOG order over the same purchases: each is on this purchase's rows or a
        // later purchase's.
        while awardsPending, awards.int64(0) == id {
            purchase.awards.append(
                Award(
                    id: nil, supplier: Supplier(scheme: nil, identifier: "", name: ""),
                    amount: awards.isNull(1) ? nil : Money(centavos: awards.int64(1)), status: awards.string(2)))
            awardsPending = try awards.step()
        }
        if contractsPending, contracts.int64(0) == id {
            purchase.contractedTotal = Money(centavos: contracts.int64(1))
            contractsPending = try contracts.step()
        }
        return purchase
    }
}
