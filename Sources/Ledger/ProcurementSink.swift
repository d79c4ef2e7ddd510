import Domain
import Foundation
import GRDB

/// Receives procurements one at a time inside an import's single transaction and upserts each by NOG.
///
/// An importer streams into it (one record decoded, one record written), so memory stays bounded whatever the
/// file's size. It is only valid inside the import's ``ImportSession``.
public final class ProcurementSink {
    private let db: Database
    /// The `import_run` row this import writes under.
    public let importRunID: Int64
    /// NOGs inserted, updated, unchanged.
    public private(set) var keyCounts = ImportCounts()
    /// How many `release_history` rows this import wrote.
    public private(set) var historyRows = 0
    /// NOG → content hash of what this import already handled, to catch a NOG repeated with other data.
    /// The hash is kept as its 64-bit value, not its 16-character text: the text needs a heap allocation per
    /// NOG, which made this map the largest thing an import of a 100,000-NOG file held in memory.
    private var seen: [String: UInt64] = [:]

    init(db: Database, importRunID: Int64) {
        self.db = db
        self.importRunID = importRunID
    }

    /// Inserts or updates one procurement by NOG.
    ///
    /// - Parameters:
    ///   - procurement: the incoming value.
    ///   - policy: whether it replaces the stored value or overlays it.
    /// - Returns: what was done; a conflicting duplicate or a foreign ocid writes nothing.
    @discardableResult
    public func upsert(_ procurement: Procurement, policy: ProcurementMergePolicy = .replace) throws
        -> ProcurementUpsertResult
    {
        let result = try perform(procurement, policy: policy)
        switch result {
        case .inserted: keyCounts.inserted += 1
        case .updated: keyCounts.updated += 1
        case .unchanged, .stale: keyCounts.unchanged += 1
        case .conflictingDuplicate, .ocidBelongsToOtherNOG: break
        }
        return result
    }

    private func perform(_ incoming: Procurement, policy: ProcurementMergePolicy) throws -> ProcurementUpsertResult {
        let incomingValue = ProcurementFingerprint.value(of: incoming)
        let incomingHash = ProcurementFingerprint.text(incomingValue)
        if let earlier = seen[incoming.nog] {
            return earlier == incomingValue ? .unchanged : .conflictingDuplicate
        }
        if let ocid = incoming.ocid {
            var ownerQuery = BoundStatement(
                try db.cachedStatement(sql: "SELECT nog FROM procurement WHERE ocid = ?"), db: db)
            ownerQuery.bind(ocid)
            if let owner = try ownerQuery.firstText(), owner != incoming.nog { return .ocidBelongsToOtherNOG(owner) }
        }
        seen[incoming.nog] = incomingValue
        // Most NOGs of an import are new: a look-up of the id alone, and the whole row only when there is one.
        var idQuery = BoundStatement(try db.cachedStatement(sql: "SELECT id FROM procurement WHERE nog = ?"), db: db)
        idQuery.bind(incoming.nog)
        guard try idQuery.firstInteger() != nil,
            let existing = try ProcurementRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM procurement WHERE nog = ?"), arguments: [incoming.nog]),
            let existingID = existing.id
        else {
            try insert(incoming, hash: incomingHash)
            return .inserted
        }
        if policy == .replace && existing.contentHash == incomingHash { return .unchanged }
        let previous = try Self.load(existing, db: db)
        if policy == .replace, let old = previous.lastUpdatedAt, let new = incoming.lastUpdatedAt, new < old {
            return .stale
        }
        let merged = policy == .overlay ? previous.overlaid(by: incoming) : incoming
        let previousJSON = try ProcurementContentHash.canonicalJSON(previous)
        let mergedJSON = try ProcurementContentHash.canonicalJSON(merged)
        let mergedHash = ProcurementFingerprint.of(merged)
        if mergedJSON == previousJSON { return .unchanged }
        let changed = merged.changedFields(from: previous)
        var history = ReleaseHistoryRecord(
            procurementID: existingID, nog: incoming.nog, importRunID: importRunID,
            previousImportRunID: existing.importRunID, recordedAt: Date(),
            changedFields: changed.joined(separator: ","),
            previousHash: existing.contentHash, newHash: mergedHash, previousReleaseIDs: existing.releaseIDs,
            newReleaseIDs: merged.releaseIDs.joined(separator: "\n"),
            previousSnapshot: String(decoding: previousJSON, as: UTF8.self))
        try history.insert(db)
        historyRows += 1
        var record = ProcurementRecord(merged, contentHash: mergedHash, importRunID: importRunID)
        record.id = existingID
        try record.update(db)
        for table in ["procurement_item", "procurement_party", "bid", "award", "contract"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE procurement_id = ?", arguments: [existingID])
        }
        try insertChildren(of: merged, procurementID: existingID)
        return .updated(changedFields: changed)
    }

    private func insert(_ procurement: Procurement, hash: String) throws {
        var statement = BoundStatement(try ProcurementRecord.insertStatement(db), db: db)
        ProcurementRecord(procurement, contentHash: hash, importRunID: importRunID).bind(to: &statement)
        try statement.execute()
        try insertChildren(of: procurement, procurementID: db.lastInsertedRowID)
    }

    /// Inserts the child rows through cached statements with values bound straight to SQLite: a monthly file
    /// writes ~200,000 of them, and GRDB's generic record persistence, then its boxed statement arguments, cost
    /// more than the SQLite work itself.
    private func insertChildren(of procurement: Procurement, procurementID: Int64) throws {
        if !procurement.items.isEmpty {
            var statement = BoundStatement(try ProcurementItemRecord.insertStatement(db), db: db)
            for (position, item) in procurement.items.enumerated() {
                ProcurementItemRecord(item, procurementID: procurementID, position: position).bind(to: &statement)
                try statement.execute()
            }
        }
        if !procurement.parties.isEmpty {
            var statement = BoundStatement(try ProcurementPartyRecord.insertStatement(db), db: db)
            for party in procurement.parties {
                ProcurementPartyRecord(party, procurementID: procurementID).bind(to: &statement)
                try statement.execute()
            }
        }
        if !procurement.bids.isEmpty {
            var statement = BoundStatement(try ProcurementBidRecord.insertStatement(db), db: db)
            for bid in procurement.bids {
                ProcurementBidRecord(bid, procurementID: procurementID).bind(to: &statement)
                try statement.execute()
            }
        }
        if !procurement.awards.isEmpty {
            var statement = BoundStatement(try AwardRecord.insertStatement(db), db: db)
            for award in procurement.awards {
                AwardRecord(award, procurementID: procurementID).bind(to: &statement)
                try statement.execute()
            }
        }
        if !procurement.contracts.isEmpty {
            var statement = BoundStatement(try ContractRecord.insertStatement(db), db: db)
            for contract in procurement.contracts {
                ContractRecord(contract, procurementID: procurementID).bind(to: &statement)
                try statement.execute()
            }
        }
    }

    /// The whole Domain value of a stored procurement, children included.
    static func load(_ record: ProcurementRecord, db: Database) throws -> Procurement {
        var procurement = record.procurement
        guard let id = record.id else { return procurement }
        procurement.items = try ProcurementItemRecord.filter(ProcurementItemRecord.Columns.procurementID == id)
            .order(ProcurementItemRecord.Columns.position).fetchAll(db).map(\.item)
        procurement.parties = try ProcurementPartyRecord.filter(ProcurementPartyRecord.Columns.procurementID == id)
            .order(Column("id")).fetchAll(db).map(\.party)
        procurement.bids = try ProcurementBidRecord.filter(ProcurementBidRecord.Columns.procurementID == id)
            .order(Column("id")).fetchAll(db).map(\.bid)
        procurement.awards = try AwardRecord.filter(AwardRecord.Columns.procurementID == id)
            .order(Column("id")).fetchAll(db).map(\.award)
        procurement.contracts = try ContractRecord.filter(ContractRecord.Columns.procurementID == id)
            .order(Column("id")).fetchAll(db).map(\.contract)
        return procurement
    }
}
