import Foundation

/// A SICOIN executing unit seen paying a Guatecompras buying unit's NOGs: how NPG purchases, which execution
/// files name by entidad and unidad ejecutora, are placed in the buying unit that made them.
public struct FlagUnitLink: Hashable, Sendable {
    public var sicoinEntidad: String
    public var sicoinUnidadEjecutora: String
    /// The Guatecompras buying unit (`436-2`).
    public var unitCode: String
    public var unitName: String?
    /// How many evidence rows tie the two.
    public var rows: Int

    /// Creates a link.
    public init(sicoinEntidad: String, sicoinUnidadEjecutora: String, unitCode: String, unitName: String?, rows: Int) {
        self.sicoinEntidad = sicoinEntidad
        self.sicoinUnidadEjecutora = sicoinUnidadEjecutora
        self.unitCode = unitCode
        self.unitName = unitName
        self.rows = rows
    }
}
