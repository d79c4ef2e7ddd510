import Domain
import Formats

/// What reading a flat procurement export found: counts and diagnostics. The procurements themselves were
/// handed over one at a time while reading (see ``ComprasFlatImporter/read(_:stage:progress:deliver:)``);
/// none is kept, so memory does not grow with the file.
public struct ComprasFlatImport: Sendable {
    /// The file's name.
    public var fileName: String
    /// How the file was read (`CSV Latin-1/Windows-1252, separador punto y coma`).
    public var shapeDescription: String
    /// Procurements handed over (one per accepted NOG).
    public var procurementsDelivered: Int
    /// Every problem found; errors mark rejected rows.
    public var diagnostics: [Diagnostic]
    /// Data rows read (header and blank rows not counted).
    public var rowsRead: Int
    /// Data rows with at least one error (their NOGs were not handed over).
    public var rowsRejected: Int
    /// Values repaired: text from doubly-encoded UTF-8, and amounts whose binary-float noise was rounded.
    public var repairedValues: Int
    /// How the date order was decided (nil when the file has no dates needing it).
    public var dateDecision: DateOrderSniffer.Decision?
    /// The date order used for the whole file.
    public var dateOrder: DateOrder

    /// Rows accepted.
    public var rowsAccepted: Int { rowsRead - rowsRejected }
}
