import Domain
import Foundation
import GRDB

extension Ledger {
    /// Streams the stored procurement a selection covers, ordered by publication date then NOG, children
    /// included, one process at a time with the budget evidence (input-level execution, CUR) that names its NOG.
    ///
    /// Processes are read through a cursor and their children fetched a batch at a time (a few queries per
    /// `batchSize` processes instead of five per process), so a national year streams in bounded memory.
    /// - Parameters:
    ///   - selection: what to list.
    ///   - withEvidence: also fetch each NOG's ``LinkEvidence`` (empty arrays otherwise).
    ///   - batchSize: processes whose children are fetched together.
    ///   - body: receives each process and its evidence, in order.
    public func forEachProcurement(
        _ selection: ProcurementSelection, withEvidence: Bool = false, batchSize: Int = 500,
        _ body: (Procurement, [LinkEvidence]) throws -> Void
    ) throws {
        try read { db in
            let cursor = try Self.request(selection).order(
                ProcurementRecord.Columns.publishedAt, ProcurementRecord.Columns.nog
            ).fetchCursor(db)
            var batch: [ProcurementRecord] = []
            batch.reserveCapacity(batchSize)
            func flush() throws {
                guard !batch.isEmpty else { return }
                try Self.emit(batch, withEvidence: withEvidence, db: db, body)
                batch.removeAll(keepingCapacity: true)
            }
            while let record = try cursor.next() {
                batch.append(record)
                if batch.count == batchSize { try flush() }
            }
            try flush()
        }
    }

    /// The request for a selection (the same filters as ``procurements(year:unit:guatecomprasEntity:guatecomprasUnits:modalityCode:)``,
    /// plus the month).
    static func request(_ selection: ProcurementSelection) -> QueryInterfaceRequest<ProcurementRecord> {
        var request = ProcurementRecord.all()
        if let year = selection.year {
            request = request.filter(year: year)
            if let months = selection.months { request = request.filter(months: months) }
        }
        // Guatecompras' flat exports name the buying unit but give neither its code nor the entity's: without the
        // profile's names such rows cannot be placed, and the file a user imports is normally their own, so they
        // stay in (a unit filter by name, --buying-unit, still narrows them).
        let placement = BuyerPlacement(
            entity: selection.guatecomprasEntity.flatMap { $0.isEmpty ? nil : $0 },
            units: selection.guatecomprasUnits, names: selection.buyerNames, keepsUnplacedWithoutNames: true)
        if let condition = placement.sql() {
            request = request.filter(sql: condition.sql, arguments: StatementArguments(condition.arguments))
        }
        if let unit = selection.unit, !unit.isEmpty {
            request = request.filter(
                ProcurementRecord.Columns.buyingUnitCode == unit
                    || ProcurementRecord.Columns.buyingUnitName.like("%\(unit)%"))
        }
        if let modalityCode = selection.modalityCode, !modalityCode.isEmpty {
            request = request.filter(ProcurementRecord.Columns.modalityCode == modalityCode)
        }
        return request
    }

    /// Loads the children of a batch of processes and hands each process over in the batch's order.
    private static func emit(
        _ batch: [ProcurementRecord], withEvidence: Bool, db: Database,
        _ body: (Procurement, [LinkEvidence]) throws -> Void
    ) throws {
        let ids = batch.compactMap(\.id)
        func grouped<Record: FetchableRecord & TableRecord>(
            _ type: Record.Type, order: [any SQLOrderingTerm], _ key: (Record) -> Int64
        ) throws -> [Int64: [Record]] {
            let column = Column("procurement_id")
            let records = try type.filter(ids.contains(column)).order([column] + order).fetchAll(db)
            return Dictionary(grouping: records, by: key)
        }
        let items = try grouped(
            ProcurementItemRecord.self, order: [ProcurementItemRecord.Columns.position], \.procurementID)
        let parties = try grouped(ProcurementPartyRecord.self, order: [Column("id")], \.procurementID)
        let bids = try grouped(ProcurementBidRecord.self, order: [Column("id")], \.procurementID)
        let awards = try grouped(AwardRecord.self, order: [Column("id")], \.procurementID)
        let contracts = try grouped(ContractRecord.self, order: [Column("id")], \.procurementID)
        var evidence: [String: [LinkEvidence]] = [:]
        if withEvidence {
            let nogs = batch.map(\.nog)
            evidence = Dictionary(
                grouping: try LinkEvidenceRecord.filter(nogs.contains(LinkEvidenceRecord.Columns.nog))
                    .order(LinkEvidenceRecord.Columns.importRunID, Column("line")).fetchAll(db).map(\.evidence),
                by: { $0.nog ?? "" })
        }
        for record in batch {
            var procurement = record.procurement
            if let id = record.id {
                procurement.items = items[id]?.map(\.item) ?? []
                procurement.parties = parties[id]?.map(\.party) ?? []
                procurement.bids = bids[id]?.map(\.bid) ?? []
                procurement.awards = awards[id]?.map(\.award) ?? []
                procurement.contracts = contracts[id]?.map(\.contract) ?? []
            }
            try body(procurement, evidence[record.nog] ?? [])
        }
    }
}

extension DerivableRequest<ProcurementRecord> {
    /// Procurement published in these months (or, lacking a publication date, awarded then), in Guatemala time:
    /// the stored dates are local ISO text, so the month is their sixth and seventh characters.
    func filter(months: ClosedRange<Int>) -> Self {
        filter(
            sql: "CAST(substr(coalesce(published_at, awarded_at), 6, 2) AS INTEGER) BETWEEN ? AND ?",
            arguments: [months.lowerBound, months.upperBound])
    }
}
