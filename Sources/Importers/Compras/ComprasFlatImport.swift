import Domain
import Formats

/// What reading a flat procurement export produced: procurements grouped by NOG, and what was found on the way.
public struct ComprasFlatImport: Sendable {
    /// The file's name.
    public var fileName: String
    /// How the file was read (`CSV Latin-1/Windows-1252, separador punto y coma`).
    public var shapeDescription: String
    /// One procurement per NOG, in order of first appearance, with one award per supplier.
    public var procurements: [Procurement]
    /// Every problem found; errors mark rejected rows.
    public var diagnostics: [Diagnostic]
    /// Data rows read (header and blank rows not counted).
    public var rowsRead: Int
    /// Data rows with at least one error (left out of ``procurements``).
    public var rowsRejected: Int
    /// Text values repaired from doubly-encoded UTF-8.
    public var repairedValues: Int
    /// How the date order was decided (nil when the file has no dates needing it).
    public var dateDecision: DateOrderSniffer.Decision?
    /// The date order used for the whole file.
    public var dateOrder: DateOrder

    /// Rows accepted.
    public var rowsAccepted: Int { rowsRead - rowsRejected }
}
