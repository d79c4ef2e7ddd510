import Foundation

/// A column of a published table: a stable snake_case name, its type and a description.
public struct DataColumn: Sendable, Hashable {
    /// Frictionless field types used by our tables.
    public enum Kind: String, Sendable, Hashable {
        case string, integer, number, boolean, date
    }

    /// Stable Spanish snake_case name (`presupuesto_vigente`).
    public var name: String
    public var kind: Kind
    /// Human description, for data dictionaries.
    public var description: String
    /// True for the columns every published file carries so files of several periods can be stacked
    /// (ejercicio, mes, fecha de corte, entidad): in the data, not on screen, where the title says them.
    public var isProvenance: Bool

    public init(_ name: String, _ kind: Kind = .string, _ description: String = "", provenance: Bool = false) {
        self.name = name
        self.kind = kind
        self.description = description
        self.isProvenance = provenance
    }
}
