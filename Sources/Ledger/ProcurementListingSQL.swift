import Domain
import Foundation
import GRDB

/// The SQL of the procurement listing and totals, and how their sums are put back together.
///
/// SQLite's `sum()` stops the whole query with an error when integers overflow, where ``Money`` arithmetic
/// throws ``MoneyOverflowError`` naming the amounts. So amounts are summed in two halves that cannot overflow
/// (the amount divided by 2³² and its remainder, both keeping the amount's sign), joined again with checked
/// arithmetic; when they do not fit, the amounts themselves are read and added as ``Money`` to throw the same
/// error as before.
enum ProcurementListingSQL {
    /// An award that counts toward the awarded amount: neither cancelled nor unsuccessful (``Award/isActive``).
    static let activeAward = "lower(coalesce(status, '')) NOT IN ('cancelled', 'unsuccessful')"

    /// The sum whose halves are `high` and `low`, or, when it does not fit, the sum of `exact()` (which throws
    /// ``MoneyOverflowError``).
    static func sum(high: Int64, low: Int64, exact: () throws -> [Money]) throws -> Money {
        let (shifted, overflowHigh) = high.multipliedReportingOverflow(by: 4_294_967_296)
        let (total, overflowLow) = shifted.addingReportingOverflow(low)
        guard overflowHigh || overflowLow else { return Money(centavos: total) }
        return try Money.sum(try exact())
    }

    /// A query that names the selection `ids` in `sql` once per sub-select, with `ids`' arguments bound for
    /// each in turn.
    private static func query(_ ids: Statement, _ sql: (String) -> String) -> (
        sql: String, arguments: StatementArguments
    ) {
        let text = sql(ids.sql)
        let uses = text.components(separatedBy: ids.sql).count - 1
        return (text, (0..<uses).reduce(into: StatementArguments()) { all, _ in all += ids.arguments })
    }

    /// The listing: `ids` is a query of the selected processes' ids (the awards' and the contracts' sums are
    /// taken over the selection only, not over every process of a national ledger). Columns: 0 id, 1–14 the
    /// process (nog, ocid, title, buyer entity code and name, buying unit code and name, modality code and text,
    /// status, OCDS status, category, published, awarded), 15 awards, 16 active awards with an amount, 17–18 their sum's
    /// halves, 19 contracts with a number, 20 that number when there is one (group_concat's order is not
    /// defined, so several numbers are read in stored order apart), 21 earliest signature, 22 earliest start,
    /// 23 latest end, 24 contracts with an amount, 25–26 their sum's halves, 27 the evidence's renglones
    /// (comma-separated, repeated as the rows give them: the reader keeps each once, so SQLite builds no temporary
    /// table per process).
    static func listing(ids: Statement) -> (sql: String, arguments: StatementArguments) {
        query(ids) { ids in
            """
            SELECT p.id, p.nog, p.ocid, p.title, p.buyer_entity_code, p.buyer_entity_name, p.buying_unit_code,
                   p.buying_unit_name, p.modality_code, p.modality_text, p.status, p.ocds_status, p.category,
                   p.published_at, p.awarded_at,
                   coalesce(a.awards, 0), coalesce(a.priced, 0), coalesce(a.high, 0), coalesce(a.low, 0),
                   coalesce(c.numbered, 0), c.number, c.signed, c.started, c.ended,
                   coalesce(c.priced, 0), coalesce(c.high, 0), coalesce(c.low, 0),
                   (SELECT group_concat(renglon) FROM link_evidence e WHERE e.nog = p.nog AND e.renglon IS NOT NULL)
            FROM procurement p
            LEFT JOIN (
                SELECT procurement_id, count(*) AS awards,
                       count(CASE WHEN \(activeAward) THEN amount END) AS priced,
                       sum(CASE WHEN \(activeAward) THEN amount / 4294967296 END) AS high,
                       sum(CASE WHEN \(activeAward) THEN amount % 4294967296 END) AS low
                FROM award WHERE procurement_id IN (\(ids)) GROUP BY procurement_id
            ) a ON a.procurement_id = p.id
            LEFT JOIN (
                SELECT procurement_id,
                       count(CASE WHEN contract_number <> '' THEN 1 END) AS numbered,
                       max(CASE WHEN contract_number <> '' THEN contract_number END) AS number,
                       min(date_signed) AS signed, min(period_start) AS started, max(period_end) AS ended,
                       count(amount) AS priced, sum(amount / 4294967296) AS high, sum(amount % 4294967296) AS low
                FROM contract WHERE procurement_id IN (\(ids)) GROUP BY procurement_id
            ) c ON c.procurement_id = p.id
            WHERE p.id IN (\(ids))
            ORDER BY p.published_at, p.nog
            """
        }
    }

    /// The processes with their awards: `ids` is a query of the selected processes' ids. Columns: 0 id, 1–14 the
    /// process as in ``listing(ids:)``, 15 the award's row id (NULL for a process without awards), 16 award id,
    /// 17 supplier scheme, 18 supplier id, 19 supplier name, 20 amount, 21 status, 22 status details, 23 date.
    /// Ordered as the listing, awards in stored order.
    static func awards(ids: Statement) -> (sql: String, arguments: StatementArguments) {
        query(ids) { ids in
            """
            SELECT p.id, p.nog, p.ocid, p.title, p.buyer_entity_code, p.buyer_entity_name, p.buying_unit_code,
                   p.buying_unit_name, p.modality_code, p.modality_text, p.status, p.ocds_status, p.category,
                   p.published_at, p.awarded_at,
                   a.id, a.award_id, a.supplier_scheme, a.supplier_id, a.supplier_name, a.amount, a.status,
                   a.status_details, a.date
            FROM procurement p
            LEFT JOIN award a ON a.procurement_id = p.id
            WHERE p.id IN (\(ids))
            ORDER BY p.published_at, p.nog, a.id
            """
        }
    }

    /// Totals by `column` of the selected processes (`ids`). Columns: 0 the key (`(sin dato)` when NULL),
    /// 1 processes, 2 processes with an active award, 3 active awards without an amount, 4–5 the halves of
    /// the active awards' sum.
    static func totals(column: String, ids: Statement) -> (sql: String, arguments: StatementArguments) {
        query(ids) { ids in
            """
            SELECT coalesce(p.\(column), '(sin dato)') AS grouped, count(*), count(a.procurement_id),
                   coalesce(sum(a.missing), 0), coalesce(sum(a.high), 0), coalesce(sum(a.low), 0)
            FROM procurement p
            LEFT JOIN (
                SELECT procurement_id, count(*) - count(amount) AS missing,
                       sum(amount / 4294967296) AS high, sum(amount % 4294967296) AS low
                FROM award WHERE \(activeAward) AND procurement_id IN (\(ids)) GROUP BY procurement_id
            ) a ON a.procurement_id = p.id
            WHERE p.id IN (\(ids))
            GROUP BY grouped
            """
        }
    }
}
