import Domain
import Foundation
import GRDB

/// The statements a linking pass writes each purchase through, prepared once per pass and bound with SQLite's own
/// functions (``FlagRawInsert``).
///
/// A full pass over a national year writes about 300,000 links and 180,000 states; building GRDB arguments (and a
/// ``ProcurementLinkRecord``) for each row cost more than SQLite's inserts. The values are those
/// ``ProcurementLinkRecord/init(_:linkRunID:)`` gives (ids joined by commas), so the stored rows are the same.
final class LinkRowWriter {
    private let deleteLinks: FlagRawInsert
    private let insertLink: FlagRawInsert
    private let insertLinks: FlagRawInsert
    private let insertState: FlagRawInsert
    /// Links waiting for a full batch, in the order given (their ids follow that order).
    private var pending: [(link: ProcurementLink, runID: Int64)] = []

    /// Links inserted by one statement: SQLite's cost per statement (starting, halting, closing cursors) is then
    /// paid once per batch instead of once per link.
    static let batchSize = 16

    private static let linkColumns = """
        ejercicio, nog, product_code, subproduct_code, renglon, supplier_id, method, share_billionths, amount,
        evidence_ids, rule_id, manual_file, manual_line, provenance, depends_on, note, link_run_id
        """
    private static let linkValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    init(_ db: Database) throws {
        deleteLinks = try FlagRawInsert(db, sql: "DELETE FROM procurement_link WHERE ejercicio = ? AND nog = ?")
        insertLink = try FlagRawInsert(
            db, sql: "INSERT INTO procurement_link (\(Self.linkColumns)) VALUES \(Self.linkValues)")
        insertLinks = try FlagRawInsert(
            db,
            sql: "INSERT INTO procurement_link (\(Self.linkColumns)) VALUES "
                + Array(repeating: Self.linkValues, count: Self.batchSize).joined(separator: ", "))
        insertState = try FlagRawInsert(
            db,
            sql: """
                INSERT OR REPLACE INTO link_state (ejercicio, nog, status, method, reason, detail, result_digest, link_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// Deletes a purchase's links of a year (after writing the links still waiting).
    func delete(nog: String, ejercicio: Int) throws {
        try flush()
        deleteLinks.int(Int64(ejercicio))
        deleteLinks.text(nog)
        try deleteLinks.insert()
    }

    /// Inserts one link: at once with the batch it completes, else later (``flush()``).
    func insert(_ link: ProcurementLink, runID: Int64) throws {
        pending.append((link, runID))
        guard pending.count == Self.batchSize else { return }
        for (link, runID) in pending { Self.bind(link, runID: runID, to: insertLinks) }
        pending.removeAll(keepingCapacity: true)
        try insertLinks.insert()
    }

    /// Inserts the links still waiting for a batch, one by one.
    func flush() throws {
        for (link, runID) in pending {
            Self.bind(link, runID: runID, to: insertLink)
            try insertLink.insert()
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Binds one link's values in ``linkColumns`` order.
    private static func bind(_ link: ProcurementLink, runID: Int64, to row: FlagRawInsert) {
        row.int(Int64(link.ejercicio))
        row.text(link.nog)
        row.text(link.productCode)
        row.text(link.subproductCode)
        row.text(link.renglon?.rawValue)
        row.text(link.supplierID)
        row.text(link.method.rawValue)
        row.int(link.share.billionths)
        row.int(link.amount.centavos)
        row.text(Self.joined(link.provenance.evidenceIDs))
        row.text(link.provenance.ruleID)
        row.text(link.provenance.manualFile)
        row.int(link.provenance.manualLine.map(Int64.init))
        row.text(link.provenance.label)
        row.text(Self.joined(link.dependsOn))
        row.text(link.note)
        row.int(runID)
    }

    /// Inserts or replaces a purchase's state.
    func state(
        nog: String, ejercicio: Int, links: [ProcurementLink], unlinked: UnlinkedProcurement?, digest: String,
        runID: Int64
    ) throws {
        let row = insertState
        row.int(Int64(ejercicio))
        row.text(nog)
        row.text(links.isEmpty ? "sin_vincular" : "vinculada")
        row.text(links.first?.method.rawValue)
        row.text(unlinked?.reason.rawValue)
        row.text(unlinked?.detail ?? "")
        row.text(digest)
        row.int(runID)
        try row.insert()
    }

    /// `12,15`: ids as ``ProcurementLinkRecord`` stores them.
    private static func joined(_ ids: [Int64]) -> String {
        switch ids.count {
        case 0: ""
        case 1: String(ids[0])
        default: ids.map(String.init).joined(separator: ",")
        }
    }
}
