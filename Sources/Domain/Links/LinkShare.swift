import Foundation

/// The part of a purchase one link covers, exact to a billionth.
///
/// Shares are whole numbers of billionths so that the shares of one purchase add up to exactly 1 (one billion)
/// when they are meant to: splits of 1 use ``LargestRemainder`` like splits of money.
public struct LinkShare: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Billionths in a whole purchase.
    public static let scale: Int64 = 1_000_000_000
    /// The whole purchase.
    public static let whole = LinkShare(billionths: scale)

    /// The share in billionths (1 000 000 000 is the whole purchase).
    public var billionths: Int64

    /// A share of this many billionths.
    public init(billionths: Int64) {
        self.billionths = billionths
    }

    /// Reads a share as people write it: a fraction with a decimal point (`0.6`), a percentage (`60%`, `60 %`,
    /// `33.3333333%`) or `1`. At most nine decimals of the whole; nil for anything else, for zero and for more
    /// than the whole.
    public init?(parsing text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var percent = false
        if rest.hasSuffix("%") {
            percent = true
            rest = String(rest.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCIIDigit), parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let decimals = percent ? 7 : 9  // a percentage is already two decimal places in
        guard fraction.count <= decimals, whole.count <= 4, let integer = Int64(whole) else { return nil }
        let padded = fraction.padding(toLength: decimals, withPad: "0", startingAt: 0)
        guard let fractional = Int64(padded.isEmpty ? "0" : padded) else { return nil }
        var unit: Int64 = 1
        for _ in 0..<decimals { unit *= 10 }
        let billionths = integer * unit + fractional
        guard billionths > 0, billionths <= Self.scale else { return nil }
        self.billionths = billionths
    }

    /// The shares of a whole split by integer weights (``LargestRemainder``); nil when no weight is positive.
    public static func split(weights: [Int64]) -> [LinkShare]? {
        LargestRemainder.split(scale, weights: weights)?.map(LinkShare.init(billionths:))
    }

    /// The share as an exact decimal fraction of 1 (`0.7`).
    ///
    /// Built from its digits and exponent, not by division: the same value, text and hash (tested), and Decimal's
    /// long division was a quarter of a national `vinculos` export.
    public var decimal: Decimal {
        Decimal(sign: billionths < 0 ? .minus : .plus, exponent: -9, significand: Decimal(billionths.magnitude))
    }

    /// `70.00 %`: how the share reads on screen.
    public var percentText: String { (decimal * 100).fixed(decimals: 2) + " %" }

    /// The fraction with nine decimals (`0.700000000`), as open data writes it.
    public var description: String {
        let integer = billionths / Self.scale
        let fraction = String(billionths % Self.scale)
        return "\(integer).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }

    public static func < (lhs: LinkShare, rhs: LinkShare) -> Bool { lhs.billionths < rhs.billionths }

    /// Adds shares (for checking that a purchase's shares add up to 1).
    public static func + (lhs: LinkShare, rhs: LinkShare) -> LinkShare {
        LinkShare(billionths: lhs.billionths + rhs.billionths)
    }
}
