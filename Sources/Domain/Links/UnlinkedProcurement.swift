import Foundation

/// A purchase of a linking pass's scope that no evidence, rule or manual link tied to a product, and why.
public struct UnlinkedProcurement: Hashable, Sendable, Codable {
    public var ejercicio: Int
    public var nog: String
    public var reason: UnlinkedReason
    /// The specifics (`programa 11 actividad 009 · renglón 211`), empty when the reason says it all.
    public var detail: String

    public init(ejercicio: Int, nog: String, reason: UnlinkedReason, detail: String = "") {
        self.ejercicio = ejercicio
        self.nog = nog
        self.reason = reason
        self.detail = detail
    }
}
