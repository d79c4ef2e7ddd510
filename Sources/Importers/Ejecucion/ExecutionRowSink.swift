import Domain
import Foundation

/// Where one reading of an execution file hands its valid lines, and the coded totals rows whose sums it keeps.
struct ExecutionRowSink {
    /// Codes of coded totals rows found by an earlier reading.
    var totalsFilters: Set<ExecutionTotalsCheck.Filter>
    /// Receives each line without errors, in file order.
    var each: (consuming BudgetLine) throws -> Void
    /// Receives each name repaired on the way in (doubly-encoded text, letters put back), once per line.
    var repaired: (ValueRepair) throws -> Void = { _ in }
    /// Receives the problems of each detail row as it is read; nil keeps them in the scan (small files, tests).
    var rowDiagnostic: ((Diagnostic) throws -> Void)? = nil
    /// Reads the whole file once more for its undamaged names, when a damaged name needs a copy that may come
    /// later in the file; nil during that reading itself.
    var learnNames: (() throws -> [BudgetNameKey: String])? = nil
}
