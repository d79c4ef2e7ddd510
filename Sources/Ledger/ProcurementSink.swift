import Domain
import Foundation
import GRDB

/// Receives procurements one at a time inside an import's single transaction and upserts each by NOG.
///
/// An importer streams into it, so memory stays bounded whatever the file's size: each procurement is decided as
/// it comes, and a new one is written with the next 63 (``ProcurementBatchWriter``), in the order they came. It is
/// only valid inside the import's ``ImportSession``, which writes what is left before the transaction is kept.
public final class ProcurementSink {
    private let db: Database
    /// The `import_run` row this import writes under.
    public let importRunID: Int64
    /// NOGs inserted, updated, unchanged.
    public private(set) var keyCounts = ImportCounts()
    /// How many `release_history` rows this import wrote.
    public private(set) var historyRows = 0
    /// What this import already handled, to catch a NOG repeated with other data, and in what order.
    private var seen = SeenNOGs()
    /// True when the ledger held no procurement as the import began: every stored NOG is then one of ``seen``, so
    /// a NOG not there needs no look-up.
    private let startedEmpty: Bool
    private let writer: ProcurementBatchWriter
    private var lookUps = 0

    init(db: Database, importRunID: Int64, path: String) {
        self.db = db
        self.importRunID = importRunID
        // Only a faster import is lost if this fails.
        startedEmpty = (try? Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM procurement)")) ?? false
        writer = ProcurementBatchWriter(db: db, importRunID: importRunID, path: path)
    }

    /// How many distinct NOGs this import accepted (written, or already there) so far.
    public var acceptedNOGs: Int { seen.count }

    /// The place of a NOG among those this import accepted (0 for the first), nil if it accepted none such.
    public func ordinal(ofNOG nog: String) -> Int? {
        seen.ordinal(of: nog)
    }

    /// Statements this sink ran so far (look-ups and writes).
    var statementsRun: Int { lookUps + writer.statementsRun }

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
        try upsert(ProcurementRows(procurement), policy: policy)
    }

    /// Inserts or updates one procurement, its rows built beforehand, by NOG.
    ///
    /// A new NOG is written with the next batch (``flush()``, and the end of the import, write what is left);
    /// what it returns is already decided.
    /// - Parameters:
    ///   - rows: the incoming value and its rows.
    ///   - policy: whether it replaces the stored value or overlays it.
    /// - Returns: what was done; a conflicting duplicate or a foreign ocid writes nothing.
    @discardableResult
    public func upsert(_ rows: ProcurementRows, policy: ProcurementMergePolicy = .replace) throws
        -> ProcurementUpsertResult
    {
        let result = try perform(rows, policy: policy)
        switch result {
        case .inserted: keyCounts.inserted += 1
        case .updated: keyCounts.updated += 1
        case .unchanged, .stale: keyCounts.unchanged += 1
        case .conflictingDuplicate, .ocidBelongsToOtherNOG: break
        }
        return result
    }

    /// Writes the new procurements still waiting for their batch.
    public func flush() throws {
        try writer.flush()
    }

    private func perform(_ rows: ProcurementRows, policy: ProcurementMergePolicy) throws -> ProcurementUpsertResult {
        let incoming = rows.procurement
        if let earlier = seen.fingerprint(of: incoming.nog) {
            return earlier == rows.fingerprint ? .unchanged : .conflictingDuplicate
        }
        if let ocid = incoming.ocid, let owner = try writer.pendingOwner(ofOCID: ocid) ?? storedOwner(ofOCID: ocid),
            owner != incoming.nog
        {
            return .ocidBelongsToOtherNOG(owner)
        }
        seen.accept(incoming.nog, fingerprint: rows.fingerprint)
        // Most NOGs of an import are new: a look-up of the id alone, and the whole row only when there is one.
        guard !startedEmpty, try storedID(ofNOG: incoming.nog) != nil,
            let existing = try ProcurementRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM procurement WHERE nog = ?"), arguments: [incoming.nog]),
            let existingID = existing.id
        else {
            try writer.add(rows)
            return .inserted
        }
        let incomingHash = rows.record.contentHash
        if policy == .replace && existing.contentHash == incomingHash { return .unchanged }
        let previous = try Self.load(existing, db: db)
        if policy == .replace, let old = previous.lastUpdatedAt, let new = incoming.lastUpdatedAt, new < old {
            return .stale
        }
        let merged = policy == .overlay ? previous.overlaid(by: incoming) : incoming
        let previousJSON = try ProcurementContentHash.canonicalJSON(previous)
        let mergedJSON = try ProcurementContentHash.canonicalJSON(merged)
        if mergedJSON == previousJSON { return .unchanged }
        let mergedRows = ProcurementRows(merged)
        let mergedHash = mergedRows.record.contentHash
        // The rows waiting for their batch go first, so every table's ids come in the order of the file.
        try writer.flush()
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
        var record = mergedRows.record
        record.id = existingID
        record.importRunID = importRunID
        try record.update(db)
        for table in ["procurement_item", "procurement_party", "bid", "award", "contract"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE procurement_id = ?", arguments: [existingID])
        }
        try writer.insertChildren(of: [mergedRows], ids: [existingID])
        return .updated(changedFields: changed)
    }

    /// The NOG stored with this ocid, if any.
    private func storedOwner(ofOCID ocid: String) throws -> String? {
        var query = BoundStatement(try db.cachedStatement(sql: "SELECT nog FROM procurement WHERE ocid = ?"), db: db)
        query.bind(ocid)
        lookUps += 1
        return try query.firstText()
    }

    /// The id stored with this NOG, if any.
    private func storedID(ofNOG nog: String) throws -> Int64? {
        var query = BoundStatement(try db.cachedStatement(sql: "SELECT id FROM procurement WHERE nog = ?"), db: db)
        query.bind(nog)
        lookUps += 1
        return try query.firstInteger()
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
