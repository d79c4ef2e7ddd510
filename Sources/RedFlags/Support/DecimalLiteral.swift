import Foundation

/// An exact decimal from its text (`"0.05"`), for parameter defaults: a `Double` literal would carry binary noise
/// into the parameters text and its hash.
func exactDecimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
}
