import Foundation

/// What an indicator is: id, names, the question it asks, and the legitimate explanations to rule out.
public struct RedFlagIndicatorInfo: Hashable, Sendable, Codable {
    /// The family an indicator belongs to.
    public enum Family: String, Hashable, Sendable, Codable {
        /// Split purchases (fraccionamiento, Art. 81 LCE).
        case fraccionamiento
        /// Competition and process (adapted from Cardinal).
        case competencia
        /// Needs purchase ↔ budget links.
        case presupuesto
    }

    /// Whether the tool computes it today.
    public enum Availability: Hashable, Sendable, Codable {
        /// Computed from the imported procurement.
        case available
        /// Defined but not computed yet; the reason says what is missing.
        case pending(String)
    }

    /// `TR01` … `TR20`.
    public var id: String
    /// Spanish name (`Fraccionamiento por proveedor`).
    public var nameES: String
    /// English name (`Split purchases to one supplier`).
    public var nameEN: String
    public var family: Family
    /// One sentence: what the indicator flags.
    public var summary: String
    /// Spanish explanation shown with every flag: a flag is a reason to look, never a finding, and the
    /// legitimate explanations to rule out first.
    public var explanation: String
    /// Where the definition comes from (law, Cardinal code, other methods).
    public var sources: String
    public var availability: Availability

    /// Creates an indicator description.
    public init(
        id: String, nameES: String, nameEN: String, family: Family, summary: String, explanation: String,
        sources: String, availability: Availability = .available
    ) {
        self.id = id
        self.nameES = nameES
        self.nameEN = nameEN
        self.family = family
        self.summary = summary
        self.explanation = explanation
        self.sources = sources
        self.availability = availability
    }

    /// True when the indicator is computed today.
    public var isAvailable: Bool { availability == .available }
}
