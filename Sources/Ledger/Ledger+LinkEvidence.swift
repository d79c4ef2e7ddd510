import Domain
import Foundation
import GRDB

extension Ledger {
    /// Stores the rows of a link file as evidence, as one run (see ``ImportSession/writeLinkEvidence(_:)``).
    public func importLinkEvidence(
        _ evidence: [LinkEvidence], source: ImportSource, toolVersion: String, rowsRead: Int, rowsRejected: Int = 0,
        diagnostics: [Diagnostic] = []
    ) throws -> ImportOutcome {
        try importing(source, toolVersion: toolVersion) { session in
            for row in evidence { try session.writeLinkEvidence(row) }
            for diagnostic in diagnostics where diagnostic.severity != .info { try session.note(diagnostic) }
            return .commit(ImportCounts(rowsRead: rowsRead, rowsAccepted: evidence.count, rowsRejected: rowsRejected))
        }
    }

    /// The evidence of a fiscal year (every year when nil), optionally for one NOG, in import then file order.
    public func linkEvidence(ejercicio: Int? = nil, nog: String? = nil) throws -> [LinkEvidence] {
        try read { db in
            var request = LinkEvidenceRecord.all()
            if let ejercicio { request = request.filter(LinkEvidenceRecord.Columns.ejercicio == ejercicio) }
            if let nog { request = request.filter(LinkEvidenceRecord.Columns.nog == nog) }
            return try request.order(LinkEvidenceRecord.Columns.importRunID, Column("line")).fetchAll(db).map(
                \.evidence)
        }
    }
}

extension ImportSession {
    /// Stores one row of a link file (input-level execution or CUR) as evidence. Evidence accumulates across
    /// files; the same file twice is refused before this is reached.
    public func writeLinkEvidence(_ row: LinkEvidence) throws {
        var record = LinkEvidenceRecord(row, importRunID: importRunID)
        try record.insert(db)
        tally(existing: nil)
    }
}
