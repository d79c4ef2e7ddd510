import Domain
import Foundation

/// How measures are written in flags: fixed decimals with a point, so the stored text is stable across runs.
enum ValueText {
    /// `2.99`, `0.93`: a ratio or share with `decimals` places, rounded half away from zero.
    static func fixed(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "" }
        return String(format: "%.\(decimals)f", value)
    }

    /// An exact ratio of two amounts (`sum / threshold`) with two decimals.
    static func ratio(_ numerator: Money, _ denominator: Money) -> String {
        guard denominator.centavos != 0 else { return "" }
        var quotient = Decimal(numerator.centavos) / Decimal(denominator.centavos)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 2, .plain)
        return rounded.fixed(decimals: 2)
    }

    /// A percentage of a share in [0, 1] (`93.4 %`).
    static func percent(_ share: Double) -> String { fixed(share * 100, decimals: 1) + " %" }
}
