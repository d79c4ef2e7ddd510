import Domain
import Foundation
import GRDB

extension Ledger {
    /// Streams ``links(ejercicio:nog:buyer:)`` one link at a time, each with its purchase's title (nil when the
    /// ledger does not hold the NOG): what the `vinculos` table writes, without holding a national year's links.
    public func forEachLink(
        ejercicio: Int?, nog: String? = nil, buyer: ProcurementScope? = nil,
        _ body: (ProcurementLink, _ title: String?) throws -> Void
    ) throws {
        try read { db in
            let (condition, arguments) = Self.linkCondition(ejercicio: ejercicio, nog: nog, buyer: buyer)
            try ProcurementLinkRecord.forEachLink(db, where: condition, arguments: arguments, body)
        }
    }

    /// ``forEachLink(ejercicio:nog:buyer:_:)``'s links, in the same order, handed over as SQLite's row in place
    /// (``LinkRowView``).
    public func forEachLinkRow(
        ejercicio: Int?, nog: String? = nil, buyer: ProcurementScope? = nil, _ body: (LinkRowView) throws -> Void
    ) throws {
        try read { db in
            let (condition, arguments) = Self.linkCondition(ejercicio: ejercicio, nog: nog, buyer: buyer)
            let statement = try FlagRawStatement(
                db, sql: ProcurementLinkRecord.listingSQL(where: condition), arguments: arguments)
            while try statement.step() { try body(LinkRowView(statement: statement)) }
        }
    }

    /// The purchases of a scope that the last pass of a year left unlinked, as linking sees them, by NOG: the
    /// few a table of unlinked purchases describes, not the whole scope.
    public func unlinkedLinkableProcurements(ejercicio: Int, _ scope: ProcurementScope) throws
        -> [LinkableProcurement]
    {
        try read { db in
            let (condition, arguments) = scope.sqlCondition
            return try LinkableProcurementQuery.fetch(
                db,
                condition: """
                    \(condition) AND p.nog IN
                        (SELECT nog FROM link_state WHERE ejercicio = ? AND status = 'sin_vincular')
                    """, arguments: arguments + [ejercicio])
        }
    }

    /// The awarded total (active awards only, as ``LinkableProcurement/awardedTotal``) of each purchase with links in
    /// a year (every year when nil), of one buyer or any, by NOG; a purchase without an active award with an amount
    /// is absent. Read award by award: the purchases themselves are never built.
    /// - Throws: ``MoneyOverflowError`` when a purchase's total leaves 64-bit centavos.
    public func linkedAwardedTotals(ejercicio: Int?, buyer: ProcurementScope? = nil) throws -> [String: Money] {
        try read { db in
            let (condition, arguments) = Self.linkedCondition(ejercicio: ejercicio, buyer: buyer)
            let rows = try FlagRawStatement(
                db,
                sql: """
                    SELECT p.nog, a.amount, a.status FROM award a JOIN procurement p ON p.id = a.procurement_id
                    WHERE \(condition) AND a.amount IS NOT NULL ORDER BY a.id
                    """, arguments: arguments)
            var totals: [String: Money] = [:]
            while try rows.step() {
                let award = Award(
                    supplier: Supplier(scheme: nil, identifier: "", name: ""), amount: Money(centavos: rows.int64(1)),
                    status: rows.string(2))
                guard award.isActive, let amount = award.amount else { continue }
                let nog = rows.string(0) ?? ""
                totals[nog] = try (totals[nog] ?? .zero) + amount
            }
            return totals
        }
    }

    /// Streams the purchases with links in a year (every year when nil), of one buyer or any, by NOG, each with
    /// the years its links are in (ascending): NOG and dates only, the rest of the purchase left empty. What a check
    /// of purchase dates against link years reads, without holding the year's links or purchases.
    public func forEachLinkedPurchaseDates(
        ejercicio: Int?, buyer: ProcurementScope? = nil,
        _ body: (_ purchase: LinkableProcurement, _ linkYears: [Int]) throws -> Void
    ) throws {
        try read { db in
            let (condition, arguments) = Self.linkedCondition(ejercicio: ejercicio, buyer: buyer)
            // With a year, only that year's links are asked about, and every purchase the condition keeps has some:
            // its years are that one, not asked of SQLite purchase by purchase.
            let years =
                ejercicio == nil
                ? ", (SELECT group_concat(ejercicio) FROM (SELECT DISTINCT l.ejercicio FROM procurement_link l "
                    + "WHERE l.nog = p.nog ORDER BY l.ejercicio))" : ""
            let rows = try FlagRawStatement(
                db,
                sql: """
                    SELECT p.nog, p.published_at, p.awarded_at, p.import_run_id\(years)
                    FROM procurement p WHERE \(condition) ORDER BY p.nog
                    """, arguments: arguments)
            let theYear = ejercicio.map { [$0] }
            while try rows.step() {
                let purchase = LinkableProcurement(
                    nog: rows.string(0) ?? "", title: "", publishedAt: ProcurementColumnDate.date(rows.bytes(1)),
                    awardedAt: ProcurementColumnDate.date(rows.bytes(2)), importRunID: rows.int64(3))
                // Sorted here: SQLite does not promise group_concat's order.
                try body(
                    purchase, theYear ?? (rows.string(4) ?? "").split(separator: ",").compactMap { Int($0) }.sorted())
            }
        }
    }
}
