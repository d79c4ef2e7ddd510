import Foundation

extension Money {
    /// Reads the common shape of an amount without allocating: an optional `-`, digits (grouped in threes by
    /// the style's grouping separator, or not grouped at all) and up to two decimals (`-1,234,567.89`, `0.5`).
    ///
    /// Nil for anything else (spaces, currency prefixes, parentheses, exponents, a third decimal, a misplaced
    /// grouping, an amount beyond ``largestAmount``): ``parse(_:style:extraDecimals:)`` reads those, and gives
    /// its errors. Every text this accepts, the full parser reads to the same amount; a national file has a
    /// dozen amounts per line, and the full parser's string work was most of the time spent reading them.
    static func parsePlain(_ text: String, style: NumberStyle) -> Money? {
        var text = text
        return text.withUTF8 { parsePlain(bytes: $0, style: style) }
    }

    /// ``parsePlain(_:style:)`` on a text's UTF-8 bytes, for readers that hold a file's bytes rather than strings:
    /// nil for anything but the common shape, which ``parse(_:style:extraDecimals:)`` then reads from the text.
    public static func parsePlain(bytes: UnsafeBufferPointer<UInt8>, style: NumberStyle) -> Money? {
        let decimal = style == .decimalPoint ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let grouping = style == .decimalPoint ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var whole: Int64 = 0
        var significant = 0
        var digitsInGroup = 0
        var groups = 0
        var sawDigit = false
        while index < count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if whole > 0 || byte != UInt8(ascii: "0") { significant += 1 }
                // The ceiling has 13 integer digits; longer amounts are the full parser's to refuse.
                if significant > 13 { return nil }
                whole = whole * 10 + Int64(byte - UInt8(ascii: "0"))
                digitsInGroup += 1
                sawDigit = true
            } else if byte == grouping {
                // The first group has one to three digits, every later one exactly three.
                guard groups == 0 ? (1...3).contains(digitsInGroup) : digitsInGroup == 3 else { return nil }
                groups += 1
                digitsInGroup = 0
            } else {
                break
            }
            index += 1
        }
        guard sawDigit, groups == 0 || digitsInGroup == 3 else { return nil }
        var cents: Int64 = 0
        if index < count {
            guard bytes[index] == decimal else { return nil }
            index += 1
            var decimals = 0
            while index < count {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), decimals < 2 else { return nil }
                cents = cents * 10 + Int64(byte - UInt8(ascii: "0"))
                decimals += 1
                index += 1
            }
            if decimals == 1 { cents *= 10 }
        }
        let total = whole * 100 + cents
        guard total <= largestAmount.centavos else { return nil }
        return Money(centavos: negative ? -total : total)
    }
}
