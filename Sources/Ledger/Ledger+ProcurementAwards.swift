import Domain
import Foundation
import GRDB

extension Ledger {
    /// Streams the processes of a selection with their awards and nothing else, ordered by publication date then
    /// NOG, awards in stored order: what the `adjudicaciones` and `proveedores` tables read.
    ///
    /// One query joins processes and awards, so no process is materialized with its items, parties, bids and
    /// contracts (``forEachProcurement(_:withEvidence:batchSize:_:)`` decoded all of them through `Codable` for
    /// these two tables). Each ``Procurement`` carries the process's own columns as
    /// ``forEachProcurementListingRow(_:_:)`` fills them, and its awards; processes without awards come too.
    public func forEachProcurementWithAwards(_ selection: ProcurementSelection, _ body: (Procurement) throws -> Void)
        throws
    {
        try read { db in
            let ids = try Self.request(selection).select(ProcurementRecord.Columns.id).makePreparedRequest(db)
            let awards = ProcurementListingSQL.awards(ids: ids.statement)
            let rows = try FlagRawStatement(db, sql: awards.sql, arguments: awards.arguments)
            var current: (id: Int64, procurement: Procurement)?
            while try rows.step() {
                let id = rows.int64(0)
                if current?.id != id {
                    if let current { try body(current.procurement) }
                    current = (id, Self.listedProcurement(rows))
                }
                guard !rows.isNull(15) else { continue }  // a process without awards
                current?.procurement.awards.append(
                    Award(
                        id: rows.string(16),
                        supplier: Supplier(
                            scheme: rows.string(17).flatMap(PartyScheme.init(rawValue:)),
                            identifier: rows.string(18) ?? "", name: rows.string(19) ?? ""),
                        amount: rows.isNull(20) ? nil : Money(centavos: rows.int64(20)), status: rows.string(21),
                        statusDetails: rows.string(22), date: ProcurementColumnDate.date(rows.string(23))))
            }
            if let current { try body(current.procurement) }
        }
    }

    /// The process's own columns 1–14 of a listing row (``ProcurementListingSQL/listing(ids:)``), children empty.
    static func listedProcurement(_ rows: FlagRawStatement) -> Procurement {
        var procurement = Procurement(nog: rows.string(1) ?? "", title: rows.string(3) ?? "")
        procurement.ocid = rows.string(2)
        procurement.buyerEntityCode = rows.string(4)
        procurement.buyerEntityName = rows.string(5)
        procurement.buyingUnitCode = rows.string(6)
        procurement.buyingUnitName = rows.string(7)
        procurement.modalityCode = rows.string(8)
        procurement.modalityText = rows.string(9)
        procurement.status = rows.string(10)
        procurement.ocdsStatus = rows.string(11)
        procurement.category = rows.string(12)
        procurement.publishedAt = ProcurementColumnDate.date(rows.string(13))
        procurement.awardedAt = ProcurementColumnDate.date(rows.string(14))
        return procurement
    }
}
