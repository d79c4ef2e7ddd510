import Domain
import Foundation

/// What an execution file turned out to be once read: stored with its lines when the import is kept.
public struct ExecutionImportSummary: Sendable {
    /// The file's cut-off (known only at the end: the month may come from the rows).
    public var cutoff: ExecutionCutoff
    /// Detail rows read from the file.
    public var rowsRead: Int
    /// Rows left out for errors (with `--allow-rejects`).
    public var rowsRejected: Int
    /// Warnings and rejects to store with the run.
    public var diagnostics: [Diagnostic]

    public init(cutoff: ExecutionCutoff, rowsRead: Int, rowsRejected: Int = 0, diagnostics: [Diagnostic] = []) {
        self.cutoff = cutoff
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.diagnostics = diagnostics
    }
}
