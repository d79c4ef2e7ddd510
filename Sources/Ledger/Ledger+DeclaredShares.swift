import Domain
import Foundation
import GRDB

extension Ledger {
    /// Imports a published summary table. A summary is one table per fiscal year: a new file for the
    /// same year replaces the earlier lines (the earlier run stays in `import_run`).
    public func importDeclaredShares(
        _ shares: [DeclaredShare], source: ImportSource, toolVersion: String, diagnostics: [Diagnostic] = []
    ) throws -> ImportOutcome {
        try recordImport(source, toolVersion: toolVersion, diagnostics: diagnostics) { db, runID in
            for year in Set(shares.map(\.ejercicio)) {
                try DeclaredShareRecord.filter(DeclaredShareRecord.Columns.ejercicio == year).deleteAll(db)
            }
            for share in shares {
                try DeclaredShareRecord(share, importRunID: runID).insert(db)
            }
            var counts = ImportCounts(rowsRead: shares.count, rowsAccepted: shares.count)
            counts.inserted = shares.count
            return counts
        }
    }

    /// The summary lines of a fiscal year (every year when nil), in file order.
    public func declaredShares(ejercicio: Int? = nil) throws -> [DeclaredShare] {
        try writer.read { db in
            var request = DeclaredShareRecord.all()
            if let ejercicio { request = request.filter(DeclaredShareRecord.Columns.ejercicio == ejercicio) }
            return try request.order(DeclaredShareRecord.Columns.ejercicio, DeclaredShareRecord.Columns.line)
                .fetchAll(db).map(\.declaredShare)
        }
    }
}
