import Foundation

/// What a flag points at: one process, a group of purchases, a buying unit or a supplier.
public struct RedFlagSubject: Hashable, Sendable, Codable {
    /// The kind of subject.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// One NOG.
        case nog
        /// One NPG (direct purchase without a NOG).
        case npg
        /// Several purchases read together (a split-purchase episode, a repeated pair).
        case grupo
        /// A buying unit.
        case unidad
        /// A supplier (NIT or Guatecompras id).
        case proveedor
    }

    public var kind: Kind
    /// The NOG, NPG, unit code, supplier id, or a stable key of the group.
    public var id: String
    /// A readable label (unit or supplier name, a group's description).
    public var label: String

    /// Creates a subject.
    public init(kind: Kind, id: String, label: String = "") {
        self.kind = kind
        self.id = id
        self.label = label
    }
}
