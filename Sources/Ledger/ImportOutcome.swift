import Foundation

/// The result of asking the ledger to import a file.
public enum ImportOutcome: Sendable {
    /// The rows were written in one transaction under this run.
    case imported(ImportRunRecord, ImportCounts)
    /// The same file (same kind and SHA-256) was imported before; nothing changed.
    case alreadyImported(ImportRunRecord)
}
