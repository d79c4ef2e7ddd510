import Foundation

/// How much of a purchase went to one budget line, from input-level execution (`link_evidence`).
public struct FlagRenglonAmount: Hashable, Sendable {
    public var renglon: Renglon
    /// The SICOIN programa, when the evidence gives it (needed for programme-based exclusions such as the
    /// school-feeding programme).
    public var programa: String?
    /// Devengado of the purchase on that renglón (and programa).
    public var amount: Money

    /// Creates an amount on a renglón.
    public init(renglon: Renglon, programa: String? = nil, amount: Money) {
        self.renglon = renglon
        self.programa = programa
        self.amount = amount
    }
}
