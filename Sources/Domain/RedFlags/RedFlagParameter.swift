import Foundation

/// One parameter of an indicator as it was used in a run: its settings-file name, value and meaning.
public struct RedFlagParameter: Hashable, Sendable, Codable {
    /// The key in the indicator's table of the settings file (`ventana`, `min_compras`).
    public var name: String
    /// The value in settings-file syntax (`30`, `"cuatrimestre"`, `["cotizacion", "licitacion_publica"]`).
    public var value: String
    /// What it controls, in Spanish.
    public var description: String

    /// Creates a parameter.
    public init(name: String, value: String, description: String) {
        self.name = name
        self.value = value
        self.description = description
    }
}
