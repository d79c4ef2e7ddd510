import Domain
import Foundation
import GRDB

extension Ledger {
    /// Imports a published summary table as one run (see ``ImportSession/writeDeclaredShares(_:)``).
    public func importDeclaredShares(
        _ shares: [DeclaredShare], source: ImportSource, toolVersion: String, diagnostics: [Diagnostic] = []
    ) throws -> ImportOutcome {
        try importing(source, toolVersion: toolVersion) { session in
            try session.writeDeclaredShares(shares)
            for diagnostic in diagnostics where diagnostic.severity != .info { try session.note(diagnostic) }
            return .commit(ImportCounts(rowsRead: shares.count, rowsAccepted: shares.count))
        }
    }

    /// The summary lines of a fiscal year (every year when nil), in file order.
    public func declaredShares(ejercicio: Int? = nil) throws -> [DeclaredShare] {
        try read { db in
            var request = DeclaredShareRecord.all()
            if let ejercicio { request = request.filter(DeclaredShareRecord.Columns.ejercicio == ejercicio) }
            return try request.order(DeclaredShareRecord.Columns.ejercicio, DeclaredShareRecord.Columns.line)
                .fetchAll(db).map(\.declaredShare)
        }
    }
}

extension ImportSession {
    /// Writes a summary table. A summary is one table per fiscal year: the file's lines replace the earlier lines
    /// of the years it covers (the earlier run stays in `import_run`).
    public func writeDeclaredShares(_ shares: [DeclaredShare]) throws {
        for year in Set(shares.map(\.ejercicio)) {
            try DeclaredShareRecord.filter(DeclaredShareRecord.Columns.ejercicio == year).deleteAll(db)
        }
        for share in shares {
            try DeclaredShareRecord(share, importRunID: importRunID).insert(db)
            tally(existing: nil)
        }
    }
}
