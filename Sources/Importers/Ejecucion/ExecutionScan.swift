import Domain
import Foundation

/// What reading an execution file found, without its lines: the period, the diagnostics, the counts and
/// the sum of the accepted lines.
///
/// It decides whether a file may be imported; the lines themselves are handed over one at a time by
/// ``ExecutionImporter/stream(_:options:each:)`` as they are read, so memory does not grow with the file.
public struct ExecutionScan: Sendable, Equatable {
    /// The file's cut-off, or nil when the file has no usable period.
    public var cutoff: ExecutionCutoff?
    /// Row and file diagnostics, in file order.
    public var diagnostics: [Diagnostic]
    /// Detail rows read (totals rows are not counted).
    public var rowsRead: Int
    /// Detail rows left out because they have errors.
    public var rowsRejected: Int
    /// Lines without errors: the ones an import writes.
    public var linesAccepted: Int
    /// The amounts of the accepted lines added up.
    public var total: ExecutionAmounts
    /// Totals and subtotals rows found and checked.
    public var totalsRows: Int
    /// What the file was read as (`CSV (Latin-1/Windows-1252, punto y coma)`, `CKAN JSON`…).
    public var formatDescription: String
    /// True when a problem concerns the file as a whole (year, period, totals rows): such files are never
    /// imported, even with `--allow-rejects`.
    public var hasFileLevelErrors: Bool

    /// Codes of coded totals rows found only while reading: another reading with them given is needed.
    var unresolvedFilters: Set<ExecutionTotalsCheck.Filter>
    /// The first undamaged copy of each name in the file, by what it names.
    var learnedNames: [BudgetNameKey: String] = [:]

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
