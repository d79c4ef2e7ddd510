import Domain
import Foundation
import GRDB

extension Ledger {
    /// Streams the `compras` listing of a selection, ordered by publication date then NOG: each process's own
    /// columns with its awards, contracts and budget evidence already added up by SQLite.
    ///
    /// One query serves the whole listing (the children are grouped once per table and joined by process), so a
    /// national year lists without materializing any ``Procurement`` with its children: 100,000 processes took
    /// 9 s through ``forEachProcurement(_:withEvidence:batchSize:_:)`` for the same bytes.
    /// - Throws: ``MoneyOverflowError`` when a process's amounts add up beyond 64-bit centavos (only a ledger
    ///   holding amounts no real file has).
    public func forEachProcurementListingRow(
        _ selection: ProcurementSelection, _ body: (ProcurementListingRow) throws -> Void
    ) throws {
        try read { db in
            let ids = try Self.request(selection).select(ProcurementRecord.Columns.id).makePreparedRequest(db)
            let listing = ProcurementListingSQL.listing(ids: ids.statement)
            let rows = try FlagRawStatement(db, sql: listing.sql, arguments: listing.arguments)
            while try rows.step() {
                let procurement = Self.listedProcurement(rows)
                let id = rows.int64(0)
                var row = ProcurementListingRow(procurement: procurement, awards: Int(rows.int64(15)))
                if rows.int64(16) > 0 {
                    row.awardedTotal = try ProcurementListingSQL.sum(
                        high: rows.int64(17), low: rows.int64(18),
                        exact: { try Self.awardedAmounts(procurementID: id, db: db) })
                }
                switch rows.int64(19) {
                case 0: break
                case 1: row.contractNumbers = rows.string(20).map { [$0] } ?? []
                default: row.contractNumbers = try Self.contractNumbers(procurementID: id, db: db)
                }
                row.contractSigned = ProcurementColumnDate.date(rows.string(21))
                row.contractStart = ProcurementColumnDate.date(rows.string(22))
                row.contractEnd = ProcurementColumnDate.date(rows.string(23))
                if rows.int64(24) > 0 {
                    row.contractedTotal = try ProcurementListingSQL.sum(
                        high: rows.int64(25), low: rows.int64(26),
                        exact: { try Self.contractedAmounts(procurementID: id, db: db) })
                }
                if let renglones = rows.string(27) {
                    row.renglones = Set(renglones.split(separator: ",").map(String.init))
                        .filter { Renglon(rawValue: $0) != nil }.sorted()
                }
                try body(row)
            }
        }
    }

    /// The active awards' amounts of one process in stored order, for the exact sum (and its overflow error).
    private static func awardedAmounts(procurementID: Int64, db: Database) throws -> [Money] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT amount FROM award
                WHERE procurement_id = ? AND amount IS NOT NULL AND \(ProcurementListingSQL.activeAward) ORDER BY id
                """,
            arguments: [procurementID]
        ).map(Money.init(centavos:))
    }

    /// The contracts' numbers of one process that are not empty, in stored order.
    private static func contractNumbers(procurementID: Int64, db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT contract_number FROM contract WHERE procurement_id = ? AND contract_number <> '' ORDER BY id
                """,
            arguments: [procurementID])
    }

    /// The contracts' amounts of one process in stored order, for the exact sum (and its overflow error).
    private static func contractedAmounts(procurementID: Int64, db: Database) throws -> [Money] {
        try Int64.fetchAll(
            db, sql: "SELECT amount FROM contract WHERE procurement_id = ? AND amount IS NOT NULL ORDER BY id",
            arguments: [procurementID]
        ).map(Money.init(centavos:))
    }
}
