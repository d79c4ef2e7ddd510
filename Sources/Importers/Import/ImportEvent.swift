import Domain
import Foundation

/// What an importer hands over while it reads, one at a time.
public enum ImportEvent<Record: Sendable>: Sendable {
    /// An accepted record, with where it came from.
    case record(Record, at: RecordPosition)
    /// A row or element left out: exactly one per rejected row, so rejects count rows, not problems.
    case rejected(Diagnostic)
    /// A warning or note about the file or an accepted row.
    case diagnostic(Diagnostic)
    /// A value repaired on the way in (doubly-encoded text, placeholder dates…).
    case repaired(ValueRepair)
    /// How far the reading got: bytes of the file (0 when unknown) and rows or records read.
    case progress(bytes: Int64, rows: Int)
}
