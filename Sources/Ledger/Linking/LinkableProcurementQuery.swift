import Domain
import Foundation
import GRDB

/// Reads purchases in bulk as ``LinkableProcurement`` values: three queries (procurements, awards, contract
/// totals) whatever their number, instead of one per purchase and child table.
enum LinkableProcurementQuery {
    /// The purchases matching a condition on `procurement p`, ordered by NOG.
    static func fetch(_ db: Database, condition: String, arguments: StatementArguments) throws -> [LinkableProcurement]
    {
        var byID: [Int64: Int] = [:]
        var out: [LinkableProcurement] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.id, p.nog, p.title, p.description, p.buying_unit_code, p.buying_unit_name, p.modality_code, p.status,
                       p.published_at, p.awarded_at, p.import_run_id
                FROM procurement p WHERE \(condition) ORDER BY p.nog
                """, arguments: arguments)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            byID[id] = out.count
            out.append(
                LinkableProcurement(
                    nog: row[1], title: row[2], description: row[3], buyingUnitCode: row[4], buyingUnitName: row[5],
                    modalityCode: row[6], status: row[7], publishedAt: ProcurementColumnDate.date(row[8]),
                    awardedAt: ProcurementColumnDate.date(row[9]), importRunID: row[10]))
        }
        guard !out.isEmpty else { return out }
        let awards = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.procurement_id, a.award_id, a.supplier_scheme, a.supplier_id, a.supplier_name, a.amount, a.status
                FROM award a JOIN procurement p ON p.id = a.procurement_id WHERE \(condition) ORDER BY a.id
                """, arguments: arguments)
        while let row = try awards.next() {
            guard let index = byID[row[0]] else { continue }
            let scheme: String? = row[2]
            let amount: Int64? = row[5]
            out[index].awards.append(
                Award(
                    id: row[1],
                    supplier: Supplier(
                        scheme: scheme.flatMap(PartyScheme.init(rawValue:)), identifier: row[3], name: row[4]),
                    amount: amount.map(Money.init(centavos:)), status: row[6]))
        }
        let contracts = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.procurement_id, SUM(c.amount) FROM contract c JOIN procurement p ON p.id = c.procurement_id
                WHERE \(condition) AND c.amount IS NOT NULL GROUP BY c.procurement_id
                """, arguments: arguments)
        while let row = try contracts.next() {
            guard let index = byID[row[0]] else { continue }
            let total: Int64 = row[1]
            out[index].contractedTotal = Money(centavos: total)
        }
        return out
    }
}
