import Domain
import Foundation

/// What became of one import's transaction.
public enum ImportOutcome: Sendable {
    /// The rows were written in one transaction under this run.
    case imported(ImportRun, ImportCounts)
    /// The same file (same kind and SHA-256) was imported before; nothing was read or changed.
    case alreadyImported(ImportRun)
    /// Everything ran and was undone: a dry run, or a file refused after reading. The counts say what the import
    /// would have done.
    case rolledBack(ImportCounts)
}
