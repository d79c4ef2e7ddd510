import Domain
import Foundation
import Ledger

/// Prints what a procurement import did, in the same words for every procurement importer.
enum ProcurementImportReport {
    /// The lines summarizing one file's import (stdout), or why nothing changed.
    static func summary(_ outcome: ImportOutcome, rowsRead: Int, rowsRejected: Int, repaired: Int, dryRun: Bool)
        -> [String]
    {
        switch outcome {
        case .alreadyImported(let run):
            let date = ProcurementDate.isoString(run.startedAt)
            return ["  ya se había importado este mismo archivo (corrida \(run.id ?? 0), \(date)): sin cambios"]
        case .imported(_, let counts):
            var lines = [
                "  registros leídos \(rowsRead) · aceptados \(rowsRead - rowsRejected) · rechazados \(rowsRejected)"
                    + " · valores reparados \(repaired)",
                "  procesos (NOG): \(counts.inserted) nuevo(s) · \(counts.updated) actualizado(s) · \(counts.unchanged) sin cambios",
            ]
            if dryRun { lines.append("  simulación (--dry-run): no se escribió nada en el libro de datos") }
            return lines
        }
    }

    /// A progress line while procurements are written.
    static func progress(_ file: String, written: Int, of total: Int) {
        FileHandle.standardError.write(Data("\r\(file): \(written) de \(total) NOG guardados…".utf8))
    }

    /// Ends a progress line.
    static func endProgress() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
