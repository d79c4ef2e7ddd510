import Domain
import GRDB

/// Writes the new procurements of an import a batch at a time: their rows with one `INSERT` per table and run of
/// up to 64 rows (``MultiRowInsert``) rather than one per row, which left the writing thread, the one an import
/// waits for, mostly stepping statements.
///
/// Ids come out as when each row was inserted on its own: each table's rows go in the order they were handed
/// over, and whatever else writes procurement rows (an update) flushes the batch first.
final class ProcurementBatchWriter {
    /// New procurements per batch.
    static let batchSize = 64

    private let db: Database
    private let importRunID: Int64
    private let path: String
    private let texts = BoundTextArena()
    private let procurements = MultiRowInsert(
        table: ProcurementRecord.databaseTableName, columns: ProcurementRecord.insertColumns)
    /// The inserts of each child table, in ``ProcurementChildTable/allCases`` order.
    private let children = ProcurementChildTable.allCases.map { $0.makeInserts() }
    /// New procurements not written yet, in the order they came.
    private var pending: [ProcurementRows] = []
    /// ocid → NOG of the pending procurements, which the ledger cannot answer for yet.
    private var pendingOCIDs: [String: String] = [:]
    /// `INSERT` statements run so far.
    private(set) var statementsRun = 0

    init(db: Database, importRunID: Int64, path: String) {
        self.db = db
        self.importRunID = importRunID
        self.path = path
    }

    /// Queues a procurement whose NOG is not stored; writes the batch once it is full.
    func add(_ rows: ProcurementRows) throws {
        pending.append(rows)
        if let ocid = rows.procurement.ocid { pendingOCIDs[ocid] = rows.procurement.nog }
        if pending.count == Self.batchSize { try flush() }
    }

    /// The NOG of a queued procurement with this ocid.
    func pendingOwner(ofOCID ocid: String) -> String? {
        pendingOCIDs[ocid]
    }

    /// Writes every queued procurement with its children.
    func flush() throws {
        guard !pending.isEmpty else { return }
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingOCIDs.removeAll(keepingCapacity: true)
        }
        var ids: [Int64] = []
        ids.reserveCapacity(pending.count)
        var start = 0
        for size in procurements.sizes(for: pending.count, db) {
            var statement = BoundStatement(try procurements.statement(rows: size, db), db: db)
            for index in start..<(start + size) {
                pending[index].bindRecord(to: &statement, importRunID: importRunID, texts: texts)
            }
            let last = try run(&statement, rows: size)
            for offset in 0..<size { ids.append(last - Int64(size - 1 - offset)) }
            start += size
        }
        try insertChildren(of: pending, ids: ids)
    }

    /// Inserts the children of procurements already stored under `ids` (one per procurement, in order).
    func insertChildren(of batch: [ProcurementRows], ids: [Int64]) throws {
        for (table, inserts) in zip(ProcurementChildTable.allCases, children) {
            try insert(table, with: inserts, of: batch, ids: ids)
        }
    }

    private func insert(
        _ table: ProcurementChildTable, with inserts: MultiRowInsert, of batch: [ProcurementRows], ids: [Int64]
    ) throws {
        var sizes = inserts.sizes(for: batch.reduce(0) { $0 + $1.count(in: table) }, db)[...]
        guard var size = sizes.popFirst() else { return }
        var statement = BoundStatement(try inserts.statement(rows: size, db), db: db)
        var bound = 0
        for (index, procurement) in batch.enumerated() {
            for child in 0..<procurement.count(in: table) {
                procurement.bindChild(child, in: table, to: &statement, procurementID: ids[index], texts: texts)
                bound += 1
                guard bound == size else { continue }
                _ = try run(&statement, rows: size)
                guard let next = sizes.popFirst() else { return }
                size = next
                bound = 0
                statement = BoundStatement(try inserts.statement(rows: size, db), db: db)
            }
        }
    }

    /// Runs an `INSERT` of `rows` bound rows; returns the id of the last one.
    private func run(_ statement: inout BoundStatement, rows: Int) throws -> Int64 {
        defer { texts.reset() }
        try statement.execute()
        statementsRun += 1
        guard db.changesCount == rows else {
            throw LedgerError.database(path: path, cause: "inserción por lotes: \(db.changesCount) de \(rows) filas")
        }
        return db.lastInsertedRowID
    }
}
