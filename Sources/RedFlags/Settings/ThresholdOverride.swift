import Domain
import Foundation

/// A modality's amount range from a date on, added to what the modality catalog says (for a reform the
/// catalog does not have yet, or to test a proposal such as 2025's Q35,000 / Q300,000 / Q2,000,000).
public struct ThresholdOverride: Hashable, Sendable {
    /// Modality catalog code (`baja_cuantia`).
    public var modality: String
    public var minimum: Money?
    public var maximum: Money?
    /// First day the range applies (`2026-07-01`).
    public var from: String
    /// Where it comes from (decree, proposal).
    public var basis: String

    /// Creates an override.
    public init(modality: String, minimum: Money?, maximum: Money?, from: String, basis: String = "") {
        self.modality = modality
        self.minimum = minimum
        self.maximum = maximum
        self.from = from
        self.basis = basis
    }
}
