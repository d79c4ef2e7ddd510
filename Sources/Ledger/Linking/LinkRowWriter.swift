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
    private let insertState: FlagRawInsert

    init(_ db: Database) throws {
        deleteLinks = try FlagRawInsert(db, sql: "DELETE FROM procurement_link WHERE ejercicio = ? AND nog = ?")
        insertLink = try FlagRawInsert(
            db,
            sql: """
                INSERT INTO procurement_link (
                    ejercicio, nog, product_code, subproduct_code, renglon, supplier_id, method, share_billionths, amount,
                    evidence_ids, rule_id, manual_file, manual_line, provenance, depends_on, note, link_run_id
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertState = try FlagRawInsert(
            db,
            sql: """
                INSERT OR REPLACE INTO link_state (ejercicio, nog, status, method, reason, detail, result_digest, link_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// Deletes a purchase's links of a year.
    func delete(nog: String, ejercicio: Int) throws {
        deleteLinks.int(Int64(ejercicio))
        deleteLinks.text(nog)
        try deleteLinks.insert()
    }

    /// Inserts one link.
    func insert(_ link: ProcurementLink, runID: Int64) throws {
        let row = insertLink
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
        try row.insert()
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
