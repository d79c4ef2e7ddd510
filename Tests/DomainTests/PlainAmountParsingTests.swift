import Domain
import Foundation
import Testing

/// The allocation-free reading of plain amounts must agree with the full parser on every text it accepts.
struct PlainAmountParsingTests {
    /// Texts of every shape the plain reading handles, and shapes it must leave to the full parser.
    static let texts = [
        "0", "0.00", "-0.00", "1", "12", "123", "1234", "1,234", "12,345.6", "123,456.78", "1,234,567.89",
        "-1,234,567.89", "9,999,999,999,999.99", "10,000,000,000,000.00", "00001.5", "1.", "1.2", "1.23", "1.234",
        "1.2300", "1,23", "1234,567", "12,34,567", ",123", ".5", "-", "", " 1.00", "1.00 ", "Q1.00", "(1.00)",
        "+1.00", "1e5", "1.2.3", "1,234.5x", "--1", "1,234,", "0000000000000000001.00", "99999999999999",
        "1.234,56", "1.234.567,89", "-12,5",
    ]

    @Test(
        "every amount the plain reading accepts reads the same through the full parser", arguments: NumberStyle.allCases
    )
    func agreesWithFullParser(style: NumberStyle) {
        for text in Self.texts {
            // A leading space keeps the plain reading out, so this is the full parser's answer.
            let full = try? Money.parse(" " + text, style: style).amount
            let fast = try? Money.parse(text, style: style).amount
            if !text.isEmpty { #expect(fast == full, "«\(text)» (\(style))") }
        }
    }

    @Test("plain amounts read to exact centavos")
    func exactCentavos() throws {
        #expect(try Money.parse("1,234,567.89").amount == Money(centavos: 123_456_789))
        #expect(try Money.parse("-12.5").amount == Money(centavos: -1250))
        #expect(try Money.parse("1.234.567,8", style: .decimalComma).amount == Money(centavos: 123_456_780))
        #expect(throws: MoneyParseError.self) { try Money.parse("1,23") }
        #expect(throws: MoneyParseError.self) { try Money.parse("10,000,000,000,000.00") }
    }
}
