import Foundation

/// Which characters a file uses for decimals and thousands.
///
/// Guatemalan systems write `1,234.56`; spreadsheets set to a Spanish locale write `1.234,56`.
/// The style is decided per file, never guessed per value, because `1,234` means different things in each.
public enum NumberStyle: String, Sendable, CaseIterable, Codable {
    /// Decimal point, comma grouping: `1,234.56` (es-GT, SICOIN, Guatecompras).
    case decimalPoint
    /// Decimal comma, point grouping: `1.234,56` (Excel in es-ES and similar locales).
    case decimalComma

    var decimalSeparator: Character { self == .decimalPoint ? "." : "," }
    var groupingSeparator: Character { self == .decimalPoint ? "," : "." }
}
