import Domain
import Foundation

/// One current budget line as SQLite holds it, read in place: texts are SQLite's own bytes and amounts its
/// integers (centavos), valid only inside the call that hands the view over. For writers that print a national
/// year's lines without building a ``BudgetLine`` each.
public struct BudgetLineRowView {
    let statement: FlagRawStatement
    /// The line's fiscal year.
    public let ejercicio: Int
    /// The renglón (lines whose renglón is not one are skipped, as ``Ledger/forEachCurrentBudgetLine`` does).
    public let renglon: Renglon
    /// The names the file printed (`programa`, `actividad`, `renglon`), decoded from the stored object.
    public let names: [String: String]
    /// The cut-off the line's amounts come from.
    public let cutoff: ExecutionCutoff

    /// The column's UTF-8 bytes, nil when NULL.
    public func text(_ column: BudgetLineColumn) -> UnsafeBufferPointer<UInt8>? {
        statement.bytes(column.rawValue)
    }

    /// The column's integer (amounts are centavos), nil when NULL.
    public func integer(_ column: BudgetLineColumn) -> Int64? {
        statement.isNull(column.rawValue) ? nil : statement.int64(column.rawValue)
    }
}
