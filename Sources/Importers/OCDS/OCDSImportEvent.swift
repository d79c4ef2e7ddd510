import Domain
import Foundation

/// What the OCDS importer hands over while it reads a file, one element at a time.
public enum OCDSImportEvent: Sendable {
    /// A procurement ready to store, with where it came from.
    case procurement(Procurement, OCDSLocation)
    /// An element that cannot be imported (wrong types, no NOG, …): an error diagnostic.
    case rejected(Diagnostic)
    /// A warning or note about an element that is still imported.
    case diagnostic(Diagnostic)
    /// A value of an imported element repaired on the way in (placeholder date, 0.0 bid, HTML in text).
    case repaired(ValueRepair)
}
