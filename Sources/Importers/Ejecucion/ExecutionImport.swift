import Domain
import Foundation

/// What reading one execution file produced: the snapshot of its valid lines and every diagnostic.
///
/// It holds every line in memory; imports use ``ExecutionScan`` and stream the lines instead.
public struct ExecutionImport: Sendable {
    /// The file's lines at its cut-off (only lines without errors), or nil when the file has no usable period.
    public var snapshot: ExecutionSnapshot?
    /// Row and file diagnostics, in file order.
    public var diagnostics: [Diagnostic]
    /// Detail rows read (totals rows are not counted).
    public var rowsRead: Int
    /// Detail rows left out because they have errors.
    public var rowsRejected: Int
    /// Totals and subtotals rows found and checked.
    public var totalsRows: Int
    /// What the file was read as (`CSV (Latin-1/Windows-1252, punto y coma)`, `CKAN JSON`…).
    public var formatDescription: String

    /// True when a problem concerns the file as a whole (year, period, totals rows): such files are never
    /// imported, even with `--allow-rejects`.
    public var hasFileLevelErrors: Bool

    public init(
        snapshot: ExecutionSnapshot?, diagnostics: [Diagnostic], rowsRead: Int, rowsRejected: Int, totalsRows: Int,
        formatDescription: String, hasFileLevelErrors: Bool
    ) {
        self.snapshot = snapshot
        self.diagnostics = diagnostics
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.totalsRows = totalsRows
        self.formatDescription = formatDescription
        self.hasFileLevelErrors = hasFileLevelErrors
    }

    /// A scan and the lines it accepted.
    init(scan: ExecutionScan, lines: [BudgetLine]) {
        self.init(
            snapshot: scan.cutoff.map { ExecutionSnapshot(cutoff: $0, lines: lines) }, diagnostics: scan.diagnostics,
            rowsRead: scan.rowsRead, rowsRejected: scan.rowsRejected, totalsRows: scan.totalsRows,
            formatDescription: scan.formatDescription, hasFileLevelErrors: scan.hasFileLevelErrors)
    }

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
