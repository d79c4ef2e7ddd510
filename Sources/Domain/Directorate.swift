import Foundation

/// A directorate (dirección) of the institution, the owner of one or more products.
public struct Directorate: Hashable, Sendable, Codable {
    /// The institution's own short code for the directorate (e.g. `DHC`).
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
