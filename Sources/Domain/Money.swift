import Foundation

/// An exact amount of quetzales, held as whole centavos.
///
/// Money never passes through `Double`: it is parsed from text digit by digit and summed as `Int64`,
/// so Q178,061,100.00 stays exactly that after any number of additions.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in centavos (1 Q = 100 centavos).
    public var centavos: Int64

    /// Creates an amount from whole centavos.
    public init(centavos: Int64) {
        self.centavos = centavos
    }

    /// Creates an amount from whole quetzales.
    public init(quetzales: Int64) {
        self.centavos = quetzales * 100
    }

    /// Zero quetzales.
    public static let zero = Money(centavos: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.centavos < rhs.centavos }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(centavos: lhs.centavos + rhs.centavos) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(centavos: lhs.centavos - rhs.centavos) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.centavos += rhs.centavos }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.centavos -= rhs.centavos }
    public static prefix func - (value: Money) -> Money { Money(centavos: -value.centavos) }

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
    public static func sum<S: Sequence>(_ amounts: S) -> Money where S.Element == Money {
        amounts.reduce(.zero, +)
    }
}
