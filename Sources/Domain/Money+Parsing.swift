import Foundation

extension Money {
    /// Parses an amount as written in Guatemalan files.
    ///
    /// Accepts an optional sign, an optional `Q`/`Q.`/`GTQ` prefix, thousands separators in the positions
    /// the style allows, at most two decimals, and accounting negatives in parentheses: `Q1,234.56`,
    /// `Q. 1,234.56`, `1234.5`, `-25,000.00`, `(300.00)`; with ``NumberStyle/decimalComma``, `1.234,56`.
    ///
    /// - Parameters:
    ///   - text: the cell text.
    ///   - style: the file's number style.
    ///   - roundingExtraDecimals: when true, more than two decimals are rounded half away from zero
    ///     (for JSON feeds whose floats carry noise such as `1234.5600000001`); otherwise they are an error.
    /// - Throws: ``MoneyParseError`` saying what is wrong with the text.
    public init(parsing text: String, style: NumberStyle = .decimalPoint, roundingExtraDecimals: Bool = false) throws {
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

        let parts = rest.split(separator: style.decimalSeparator, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw MoneyParseError.notANumber(text) }
        let integerPart = parts[0]
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard !(integerPart.isEmpty && fractionPart.isEmpty) else { throw MoneyParseError.notANumber(text) }
        let integerDigits = try Self.integerDigits(integerPart, grouping: style.groupingSeparator, original: text)
        guard fractionPart.allSatisfy(\.isASCIIDigit) else { throw MoneyParseError.notANumber(text) }

        var fraction = String(fractionPart)
        var roundUp = false
        if fraction.count > 2 {
            guard roundingExtraDecimals else { throw MoneyParseError.tooManyDecimals(text) }
            let dropped = fraction.dropFirst(2)
            roundUp = (dropped.first?.wholeNumberValue ?? 0) >= 5
            fraction = String(fraction.prefix(2))
        }
        while fraction.count < 2 { fraction += "0" }

        guard let whole = Int64(integerDigits.isEmpty ? "0" : integerDigits), let cents = Int64(fraction) else {
            throw MoneyParseError.outOfRange(text)
        }
        let (scaled, overflow1) = whole.multipliedReportingOverflow(by: 100)
        let (total, overflow2) = scaled.addingReportingOverflow(cents + (roundUp ? 1 : 0))
        guard !overflow1 && !overflow2 else { throw MoneyParseError.outOfRange(text) }
        self.init(centavos: negative ? -total : total)
    }

    /// Strips grouping separators, accepting them only every three digits from the right.
    private static func integerDigits(_ part: Substring, grouping: Character, original: String) throws -> String {
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
