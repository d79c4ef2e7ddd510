import Foundation

/// Thousands grouping with commas, as es-GT documents print numbers (`58,425`).
public enum DigitGrouping {
    /// Groups the digits of a non-negative integer in threes: `178061100` → `178,061,100`.
    public static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// Groups the integer part of a decimal and keeps its fraction as written: `58425` → `58,425`,
    /// `1234.5` → `1,234.5`.
    public static func grouped(_ value: Decimal) -> String {
        let text = "\(value)"
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        guard let integer = UInt64(parts[0]) else { return text }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped(integer) + fraction
    }
}
