import Domain
import Foundation
import GRDB

extension Ledger {
    /// Stores the rows of a link file (input-level execution or CUR) as evidence, in one transaction.
    /// Evidence accumulates across files; the same file twice changes nothing.
    public func importLinkEvidence(
        _ evidence: [LinkEvidence], source: ImportSource, toolVersion: String, rowsRead: Int, rowsRejected: Int = 0,
        diagnostics: [Diagnostic] = []
    ) throws -> ImportOutcome {
        try recordImport(source, toolVersion: toolVersion, diagnostics: diagnostics) { db, runID in
            for row in evidence { var record = LinkEvidenceRecord(row, importRunID: runID); try record.insert(db) }
            var counts = ImportCounts(rowsRead: rowsRead, rowsAccepted: evidence.count, rowsRejected: rowsRejected)
            counts.inserted = evidence.count
            return counts
        }
    }

    /// The evidence of a fiscal year (every year when nil), optionally for one NOG, in import then file order.
    public func linkEvidence(ejercicio: Int? = nil, nog: String? = nil) throws -> [LinkEvidence] {
        try writer.read { db in
            var request = LinkEvidenceRecord.all()
            if let ejercicio { request = request.filter(LinkEvidenceRecord.Columns.ejercicio == ejercicio) }
            if let nog { request = request.filter(LinkEvidenceRecord.Columns.nog == nog) }
            return try request.order(LinkEvidenceRecord.Columns.importRunID, Column("line")).fetchAll(db).map(\.evidence)
        }
    }
}
