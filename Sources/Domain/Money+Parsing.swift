import Foundation

extension Money {
    /// What parsing does with digits beyond the centavo.
    public enum ExtraDecimals: Sendable, Hashable {
        /// Text written by people or by systems that keep centavos: a third significant decimal is an error
        /// (`1.234`, `0.005`), because rounding it silently would change the amount. Trailing zeros are not
        /// significant (`1.2300` is Q1.23). The rule for CSV files and every text field.
        case refuse
        /// Numbers that went through binary floating point on their way to us (numeric XLSX cells, JSON
        /// numbers): `1234.5600000001` or `12345678901.229999` are a centavo amount plus the float's noise, and
        /// are rounded exactly (half away from zero) to the centavo. Only noise is forgiven: the digits beyond
        /// the centavo may move the amount by at most one part in 10¹² of it (or of one centavo, for amounts
        /// under a centavo); `1.234` is still an error. Scientific notation (`1.5E+3`) is accepted, as
        /// spreadsheets write it.
        case roundFloatNoise
    }

    /// An amount parsed from text and whether float noise was rounded away (see ``ExtraDecimals``).
    public struct Parsed: Sendable, Hashable {
        /// The amount.
        public var amount: Money
        /// True when digits beyond the centavo were float noise and were rounded away (a repair to count).
        public var roundedFloatNoise: Bool
    }

    /// Parses an amount as written in Guatemalan files.
    ///
    /// Accepts an optional sign, an optional `Q`/`Q.`/`GTQ` prefix, thousands separators in the positions
    /// the style allows, two decimals, and accounting negatives in parentheses: `Q1,234.56`,
    /// `Q. 1,234.56`, `1234.5`, `-25,000.00`, `(300.00)`; with ``NumberStyle/decimalComma``, `1.234,56`.
    /// Amounts above ``largestAmount`` in absolute value are refused.
    ///
    /// - Parameters:
    ///   - text: the cell text.
    ///   - style: the file's number style.
    ///   - extraDecimals: what to do with digits beyond the centavo (an error by default).
    /// - Throws: ``MoneyParseError`` saying what is wrong with the text.
    public init(
        parsing text: String, style: NumberStyle = .decimalPoint, extraDecimals: ExtraDecimals = .refuse
    ) throws(MoneyParseError) {
        self = try Self.parse(text, style: style, extraDecimals: extraDecimals).amount
    }

    /// Parses an amount like ``init(parsing:style:extraDecimals:)`` and also says whether float noise was
    /// rounded away, so importers can count it as a repair.
    /// - Throws: ``MoneyParseError`` saying what is wrong with the text.
    public static func parse(
        _ text: String, style: NumberStyle = .decimalPoint, extraDecimals: ExtraDecimals = .refuse
    ) throws(MoneyParseError) -> Parsed {
        if let plain = parsePlain(text, style: style) { return Parsed(amount: plain, roundedFloatNoise: false) }
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !rest.isEmpty else { throw MoneyParseError.empty }
        var negative = false
        if rest.hasPrefix("(") && rest.hasSuffix(")") {
            negative = true
            rest = rest.dropFirst().dropLast()
        }
        rest = rest.drop(while: { $0 == " " })
        if let first = rest.first, first == "-" || first == "+" {
            negative = negative || first == "-"
            rest = rest.dropFirst()
        }
        for prefix in ["GTQ", "Q.", "Q"] where rest.uppercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        rest = rest.drop(while: { $0 == " " })
        if let first = rest.first, first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { throw MoneyParseError.notANumber(text) }
        if extraDecimals == .roundFloatNoise, style == .decimalPoint,
            let expanded = expandingExponent(rest, original: text)
        {
            rest = Substring(try expanded.get())
        }

        let parts = rest.split(separator: style.decimalSeparator, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw MoneyParseError.notANumber(text) }
        let integerPart = parts[0]
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty) else { throw MoneyParseError.notANumber(text) }
        let integerDigits = try Self.integerDigits(integerPart, grouping: style.groupingSeparator, original: text)
        guard fractionPart.allSatisfy(\.isASCIIDigit) else { throw MoneyParseError.notANumber(text) }

        // Leading zeros can make an in-range amount look long; the ceiling has 13 integer digits.
        let significant = integerDigits.drop(while: { $0 == "0" })
        guard significant.count <= 13, let whole = Int64(significant.isEmpty ? "0" : significant) else {
            throw MoneyParseError.outOfRange(text)
        }
        var fraction = Array(fractionPart.utf8).map { Int64($0 - UInt8(ascii: "0")) }
        while fraction.last == 0 { fraction.removeLast() }  // `1.2300` is `1.23`
        var cents = (fraction.first ?? 0) * 10 + (fraction.count > 1 ? fraction[1] : 0)
        var rounded = false
        if fraction.count > 2 {
            let extra = fraction[2...]
            guard extraDecimals == .roundFloatNoise,
                isFloatNoise(extra: extra, centavos: whole * 100 + cents)
            else { throw MoneyParseError.tooManyDecimals(text) }
            if extra.first ?? 0 >= 5 { cents += 1 }
            rounded = true
        }
        let total = whole * 100 + cents  // at most 10^15: no overflow
        guard total <= largestAmount.centavos else { throw MoneyParseError.outOfRange(text) }
        return Parsed(amount: Money(centavos: negative ? -total : total), roundedFloatNoise: rounded)
    }

    /// True when the digits after the centavo (`extra`, a fraction of a centavo) move the amount by at most
    /// one part in 10¹² of `centavos` (of one centavo when smaller): the noise of binary floating point.
    private static func isFloatNoise(extra: ArraySlice<Int64>, centavos: Int64) -> Bool {
        // The distance to the nearest centavo, as a fraction of a centavo, in its first 18 digits.
        let digits = Array(extra.prefix(18)) + Array(repeating: 0, count: max(0, 18 - extra.count))
        var fraction: Int64 = 0
        for digit in digits { fraction = fraction * 10 + digit }
        let one: Int64 = 1_000_000_000_000_000_000
        let distance = fraction >= one / 2 ? one - fraction : fraction
        // distance / 10^18 centavos ≤ max(centavos, 1) / 10^12  ⇔  distance ≤ max(centavos, 1) · 10^6
        let (limit, overflow) = max(centavos, 1).multipliedReportingOverflow(by: 1_000_000)
        return overflow || distance <= limit
    }

    /// `1.5E+3` → `1500`, `5e-3` → `0.005`: the plain decimal text of a number in scientific notation, nil when
    /// `text` has no exponent, an error when the exponent is absurd.
    private static func expandingExponent(_ text: Substring, original: String) -> Result<String, MoneyParseError>? {
        guard let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return nil }
        let mantissa = text[..<marker]
        var exponentText = text[text.index(after: marker)...]
        if exponentText.first == "+" { exponentText = exponentText.dropFirst() }
        let mantissaParts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard let exponent = Int(exponentText), mantissaParts.count <= 2,
            mantissaParts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), mantissa.contains(where: \.isASCIIDigit)
        else { return .failure(.notANumber(original)) }
        let integerPart = String(mantissaParts[0])
        let fractionPart = mantissaParts.count == 2 ? String(mantissaParts[1]) : ""
        guard exponent <= 15 else {
            let significant = (integerPart + fractionPart).contains { $0 != "0" }
            return significant ? .failure(.outOfRange(original)) : .success("0")
        }
        guard exponent >= -40 else { return .failure(.tooManyDecimals(original)) }
        var digits = integerPart + fractionPart
        var point = integerPart.count + exponent
        if point < 0 {
            digits = String(repeating: "0", count: -point) + digits
            point = 0
        }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return .success(String(digits[..<split]) + "." + String(digits[split...]))
    }

    /// Strips grouping separators, accepting them only every three digits from the right.
    private static func integerDigits(_ part: Substring, grouping: Character, original: String) throws(MoneyParseError)
        -> String
    {
        guard part.contains(grouping) else {
            guard part.allSatisfy(\.isASCIIDigit) else { throw MoneyParseError.notANumber(original) }
            return String(part)
        }
        let groups = part.split(separator: grouping, omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else { throw MoneyParseError.misplacedGrouping(original) }
        return groups.joined()
    }
}

extension Character {
    /// True for the ten ASCII digits only (not other Unicode digits, which never appear in amounts).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
