import Domain
import Foundation
import Importers
import Ledger

/// Writes budget lines under the import's cut-off, known only once the file is read.
struct ExecutionStore: RecordStore {
    /// Every snapshot line references the import's snapshot and a budget line the sink found or inserted just
    /// before: looking both up again in SQLite was a twentieth of a national import's writing.
    static let checksReferences = false

    mutating func write(_ line: consuming BudgetLine, at position: RecordPosition, file: String, session: ImportSession)
        throws
        -> Diagnostic?
    {
        try session.execution().write(line)
        return nil
    }

    mutating func finish(_ reading: ImportReading, session: ImportSession) throws {
        guard let cutoff = reading.cutoff else {
            throw PipelineError.internalFailure("un archivo de ejecución sin corte llegó a guardarse")
        }
        try session.execution().close(cutoff: cutoff)
    }
}
