import Foundation

/// An exact amount of quetzales, held as whole centavos.
///
/// Money never passes through `Double`: it is parsed from text digit by digit and summed as `Int64`,
/// so Q178,061,100.00 stays exactly that after any number of additions.
///
/// Arithmetic is checked: `+`, `-`, `+=`, `-=`, negation and ``sum(_:)`` throw ``MoneyOverflowError`` instead
/// of trapping when a result leaves the range of 64-bit centavos (±Q92,233,720,368,547,758.07). No single
/// amount read from a file can come near that range (see ``largestAmount``), but a sum of enough of them can,
/// and a hostile file must end in a Spanish error, never in a crash.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in centavos (1 Q = 100 centavos).
    public var centavos: Int64

    /// Creates an amount from whole centavos.
    public init(centavos: Int64) {
        self.centavos = centavos
    }

    /// Creates an amount from whole quetzales (a constant in code; amounts from files are parsed).
    public init(quetzales: Int64) {
        self.centavos = quetzales * 100
    }

    /// Zero quetzales.
    public static let zero = Money(centavos: 0)

    /// The largest amount, in absolute value, that any importer accepts for a single value:
    /// Q1,000,000,000,000.00 (one trillion quetzales, *un billón*).
    ///
    /// Guatemala's whole national budget is below Q200,000 million, so no real amount comes near it; a larger
    /// one is a damaged or hostile file. It is also far below the 64-bit limit: more than 92,000 amounts at
    /// this ceiling must be added before a sum overflows, and sums are checked anyway.
    public static let largestAmount = Money(centavos: 100_000_000_000_000)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.centavos < rhs.centavos }

    /// The sum, or ``MoneyOverflowError`` when it does not fit in 64-bit centavos.
    public static func + (lhs: Money, rhs: Money) throws(MoneyOverflowError) -> Money {
        let (result, overflow) = lhs.centavos.addingReportingOverflow(rhs.centavos)
        guard !overflow else { throw MoneyOverflowError(lhs: lhs, rhs: rhs, operation: .addition) }
        return Money(centavos: result)
    }

    /// The difference, or ``MoneyOverflowError`` when it does not fit in 64-bit centavos.
    public static func - (lhs: Money, rhs: Money) throws(MoneyOverflowError) -> Money {
        let (result, overflow) = lhs.centavos.subtractingReportingOverflow(rhs.centavos)
        guard !overflow else { throw MoneyOverflowError(lhs: lhs, rhs: rhs, operation: .subtraction) }
        return Money(centavos: result)
    }

    /// Adds in place; on overflow `lhs` is left unchanged and ``MoneyOverflowError`` is thrown.
    public static func += (lhs: inout Money, rhs: Money) throws(MoneyOverflowError) {
        lhs = try lhs + rhs
    }

    /// Subtracts in place; on overflow `lhs` is left unchanged and ``MoneyOverflowError`` is thrown.
    public static func -= (lhs: inout Money, rhs: Money) throws(MoneyOverflowError) {
        lhs = try lhs - rhs
    }

    /// The opposite amount (only the most negative 64-bit value has none).
    public static prefix func - (value: Money) throws(MoneyOverflowError) -> Money {
        try zero - value
    }

    /// The absolute value (``MoneyOverflowError`` only for the most negative 64-bit value).
    public var magnitude: Money {
        get throws(MoneyOverflowError) { centavos < 0 ? try -self : self }
    }

    /// The amount as an exact `Decimal` of quetzales (for JSON output and share computations).
    public var decimalQuetzales: Decimal {
        Decimal(centavos) / 100
    }

    /// The amount as plain open-data text: decimal point, no grouping, two decimals (`1234.56`, `-0.50`).
    public var plainText: String {
        let sign = centavos < 0 ? "-" : ""
        let magnitude = centavos.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The amount as Guatemalans write it: `Q1,234.56`, `-Q0.50`.
    public var formatted: String {
        let sign = centavos < 0 ? "-" : ""
        let magnitude = centavos.magnitude
        let cents = magnitude % 100
        return "\(sign)Q\(DigitGrouping.grouped(magnitude / 100)).\(cents < 10 ? "0" : "")\(cents)"
    }

    public var description: String { formatted }

    /// Sums a sequence of amounts.
    /// - Throws: ``MoneyOverflowError`` when a partial sum leaves the range of 64-bit centavos.
    public static func sum<S: Sequence>(_ amounts: S) throws(MoneyOverflowError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts { try total += amount }
        return total
    }
}
