import Domain
import Foundation

/// What a whole file turned out to be once read: known only at its end.
public struct ImportReading: Sendable {
    /// How the file was read (`CSV (UTF-8, coma)`, `paquete de registros`, `página 2019, UTF-8`).
    public var shape: String
    /// Data rows (or records, pages) read; header, title and totals rows not counted.
    public var rowsRead: Int
    /// Rows left out (each announced by one ``ImportEvent/rejected(_:)``, plus rows omitted with them).
    public var rowsRejected: Int
    /// Facts worth one line in the summary (the date order chosen, totals rows verified, sums).
    public var notes: [String]
    /// Problems of the file as a whole (year, period, totals that do not add up): such a file is never
    /// imported, even with `--allow-rejects`.
    public var fileErrors: [Diagnostic]
    /// The cut-off of an execution file (nil for other kinds).
    public var cutoff: ExecutionCutoff?

    public init(
        shape: String, rowsRead: Int, rowsRejected: Int = 0, notes: [String] = [], fileErrors: [Diagnostic] = [],
        cutoff: ExecutionCutoff? = nil
    ) {
        self.shape = shape
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.notes = notes
        self.fileErrors = fileErrors
        self.cutoff = cutoff
    }
}
