import Foundation

/// One parameter an indicator accepts: its settings-file key, kind, default and meaning.
struct ParameterSpec: Sendable {
    /// What values the key accepts.
    enum Kind: Sendable, Equatable {
        case integer(ClosedRange<Int>)
        case decimal(ClosedRange<Decimal>)
        case text([String])
        case bool
        case list
        /// An amount in quetzales, or `"catalogo"` to take it from the modality catalog.
        case money
        case window
        case table
    }

    let name: String
    let kind: Kind
    let defaultValue: ParameterValue
    /// Spanish description, shown in the settings sample and stored with each run.
    let description: String

    init(_ name: String, _ kind: Kind, _ defaultValue: ParameterValue, _ description: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.description = description
    }
}
