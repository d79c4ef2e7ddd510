import Domain
import Foundation
import GRDB

/// Reads purchases in bulk as ``LinkableProcurement`` values: three queries (procurements, awards, contract
/// totals) whatever their number, instead of one per purchase and child table. Rows are stepped with SQLite's own
/// functions (``FlagRawStatement``): a national year has 200,000 purchases, and GRDB's row decoding cost more than
/// the queries.
enum LinkableProcurementQuery {
    /// The purchases matching a condition on `procurement p`, ordered by NOG. (What reconciliation reads of them
    /// comes one at a time from ``LeanProcurementCursor``.)
    static func fetch(_ db: Database, condition: String, arguments: StatementArguments) throws
        -> [LinkableProcurement]
    {
        var byID: [Int64: Int] = [:]
        var out: [LinkableProcurement] = []
        let columns =
            "p.id, p.nog, p.title, p.description, p.buying_unit_code, p.buying_unit_name, p.modality_code, p.status"
        let rows = try FlagRawStatement(
            db,
            sql: """
                SELECT \(columns), p.published_at, p.awarded_at, p.import_run_id
                FROM procurement p WHERE \(condition) ORDER BY p.nog
                """, arguments: arguments)
        while try rows.step() {
            byID[rows.int64(0)] = out.count
            out.append(
                LinkableProcurement(
                    nog: rows.string(1) ?? "", title: rows.string(2) ?? "", description: rows.string(3),
                    buyingUnitCode: rows.string(4), buyingUnitName: rows.string(5), modalityCode: rows.string(6),
                    status: rows.string(7), publishedAt: ProcurementColumnDate.date(rows.string(8)),
                    awardedAt: ProcurementColumnDate.date(rows.string(9)), importRunID: rows.int64(10)))
        }
        guard !out.isEmpty else { return out }
        let awardColumns =
            "a.procurement_id, a.award_id, a.supplier_scheme, a.supplier_id, a.supplier_name, a.amount, a.status"
        let awards = try FlagRawStatement(
            db,
            sql: """
                SELECT \(awardColumns)
                FROM award a JOIN procurement p ON p.id = a.procurement_id WHERE \(condition) ORDER BY a.id
                """, arguments: arguments)
        while try awards.step() {
            guard let index = byID[awards.int64(0)] else { continue }
            out[index].awards.append(
                Award(
                    id: awards.string(1),
                    supplier: Supplier(
                        scheme: awards.string(2).flatMap(PartyScheme.init(rawValue:)),
                        identifier: awards.string(3) ?? "", name: awards.string(4) ?? ""),
                    amount: awards.isNull(5) ? nil : Money(centavos: awards.int64(5)), status: awards.string(6)))
        }
        let contracts = try FlagRawStatement(
            db,
            sql: """
                SELECT c.procurement_id, SUM(c.amount) FROM contract c JOIN procurement p ON p.id = c.procurement_id
                WHERE \(condition) AND c.amount IS NOT NULL GROUP BY c.procurement_id
                """, arguments: arguments)
        while try contracts.step() {
            guard let index = byID[contracts.int64(0)] else { continue }
            out[index].contractedTotal = Money(centavos: contracts.int64(1))
        }
        return out
    }
}
