import Domain
import Foundation

/// What one import did, in the same shape for every kind: printed by the CLI, kept by tests.
public struct ImportReport: Sendable {
    /// How the import ended.
    public enum Status: Sendable {
        /// Written and kept under this run.
        case imported(ImportRun)
        /// A dry run: read, validated and counted; nothing kept.
        case simulated
        /// The same bytes were imported before as the same kind; nothing read or changed.
        case alreadyImported(ImportRun)
        /// Read, and refused: row errors without `--allow-rejects`, or problems of the file as a whole.
        case refused
        /// The file could not be read at all (not found, unreadable, not of this kind): the message says why.
        case failed(String)
    }

    /// The name shown (`2022-05.zip:2022-05_Guatecompras.json` for a ZIP entry).
    public var fileName: String
    public var kind: SourceKind
    public var status: Status
    /// How the file was read (`CSV (UTF-8, coma)`, `paquete de registros`…), empty when it was not read.
    public var shape: String = ""
    /// Rows read, accepted, rejected; natural keys new, updated, unchanged.
    public var counts = ImportCounts()
    /// Facts worth a line in the summary.
    public var notes: [String] = []
    /// Problems of the file as a whole.
    public var fileErrors: [Diagnostic] = []
    /// Rejects and warnings, grouped and bounded.
    public var diagnostics = DiagnosticDigest()
    /// Values repaired on the way in, by field.
    public var repairs = RepairDigest()
    /// Bytes of the file.
    public var bytes: Int64 = 0
    /// Wall time of the import.
    public var seconds: Double = 0
    /// For a file imported before with `--allow-rejects`, asked again without it: the earlier import kept only the
    /// valid rows, and without the flag this file would be refused (its stored rejects are in ``diagnostics``).
    public var rejectedBefore = false

    public init(fileName: String, kind: SourceKind, status: Status) {
        self.fileName = fileName
        self.kind = kind
        self.status = status
    }

    /// True when the file did not make it into the ledger (refused or unreadable): the command exits 2.
    public var isFailure: Bool {
        switch status {
        case .refused, .failed: true
        case .alreadyImported: rejectedBefore
        case .imported, .simulated: false
        }
    }
}
