import Foundation

extension Money {
    /// This amount as a percentage of `whole`, rounded half away from zero to `decimals` places, computed in
    /// integers (no floating point); nil when `whole` is not positive or the arithmetic would overflow.
    ///
    /// `Money(quetzales: 102_153_732).percent(of: Money(quetzales: 178_061_100))` is `57.37`.
    public func percent(of whole: Money, decimals: Int = 2) -> Decimal? {
        guard let units = percentUnits(of: whole, decimals: decimals) else { return nil }
        // `units` hundredths-of-a-`decimals`-place written straight as a decimal number: the same value, text and
        // hash as `Decimal(units) / Decimal(scale / 100)` (tested), without Decimal division (a tenth of a national
        // `ejecucion` export).
        return Decimal(sign: units < 0 ? .minus : .plus, exponent: -decimals, significand: Decimal(units.magnitude))
    }

    /// ``percent(of:decimals:)`` in units of its last place (`57.37` with 2 decimals is 5737), for writers that
    /// print it without building a `Decimal`; nil when the percentage is.
    public func percentUnits(of whole: Money, decimals: Int = 2) -> Int64? {
        guard whole.centavos > 0, (0...6).contains(decimals) else { return nil }
        var scale: Int64 = 100
        for _ in 0..<decimals { scale *= 10 }
        let (scaled, overflow) = centavos.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        let half = whole.centavos / 2
        let (rounded, roundingOverflow) = scaled.addingReportingOverflow(scaled >= 0 ? half : -half)
        guard !roundingOverflow else { return nil }
        return rounded / whole.centavos
    }
}

extension Decimal {
    /// The value with exactly `decimals` places, rounded half away from zero: `84.8` → `84.80`, `57` → `57.00`.
    public func fixed(decimals: Int) -> String {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, decimals, .plain)
        let text = "\(rounded)"
        guard decimals > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        // What `padding(toLength:withPad:startingAt:)` gave, without Foundation's NSString round trip.
        let padded =
            fraction.count >= decimals
            ? String(fraction.prefix(decimals)) : fraction + String(repeating: "0", count: decimals - fraction.count)
        return "\(parts[0]).\(padded)"
    }
}
