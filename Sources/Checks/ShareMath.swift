import Domain
import Foundation

/// Exact percentage arithmetic for share checks.
enum ShareMath {
    /// `part / whole × 100` rounded half-up to `decimals` places, exactly (no floating point).
    static func percent(_ part: Money, of whole: Money, decimals: Int) -> Decimal {
        guard whole.centavos != 0 else { return 0 }
        var raw = Decimal(part.centavos) * 100 / Decimal(whole.centavos)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &raw, decimals, .plain)
        return rounded
    }

    /// Prints a percentage with a fixed number of decimals: `57.37`.
    static func format(_ value: Decimal, decimals: Int) -> String {
        var value = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, decimals, .plain)
        let text = "\(rounded)"
        guard decimals > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0]).\(fraction.padding(toLength: decimals, withPad: "0", startingAt: 0))"
    }
}
