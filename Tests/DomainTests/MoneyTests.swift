import Foundation
import Domain
import Testing

struct MoneyTests {
    @Test("parses the ways Guatemalan files write amounts", arguments: [
        ("Q1,234.56", Int64(123_456)),
        ("1234.5", 123_450),
        ("1234", 123_400),
        ("Q.1,234.56", 123_456),
        ("Q. 25,000.00", 2_500_000),
        (" Q        29,634,540.00 ", 2_963_454_000),
        ("-25,000.01", -2_500_001),
        ("(300.00)", -30_000),
        ("-Q0.50", -50),
        ("GTQ 90000.00", 9_000_000),
        (".5", 50),
        ("0", 0),
        ("178,061,100.00", 17_806_110_000),
    ])
    func parsesDecimalPoint(text: String, centavos: Int64) throws {
        #expect(try Money(parsing: text).centavos == centavos)
    }

    @Test("parses decimal-comma amounts only when told the file's style", arguments: [
        ("1.234,56", Int64(123_456)),
        ("Q 29.634.540,00", 2_963_454_000),
        ("0,5", 50),
    ])
    func parsesDecimalComma(text: String, centavos: Int64) throws {
        #expect(try Money(parsing: text, style: .decimalComma).centavos == centavos)
    }

    @Test("rejects text that is not an amount", arguments: [
        ("", MoneyParseError.empty),
        ("doce", .notANumber("doce")),
        ("12a.00", .notANumber("12a.00")),
        ("1,23.00", .misplacedGrouping("1,23.00")),
        ("1.234,56", .notANumber("1.234,56")),
        ("1.234", .tooManyDecimals("1.234")),
        ("99999999999999999999", .outOfRange("99999999999999999999")),
    ])
    func rejects(text: String, error: MoneyParseError) {
        #expect(throws: error) { try Money(parsing: text) }
    }

    @Test("rounds floating noise only when asked")
    func roundsExtraDecimals() throws {
        #expect(try Money(parsing: "1234.5600000001", roundingExtraDecimals: true).centavos == 123_456)
        #expect(try Money(parsing: "0.005", roundingExtraDecimals: true).centavos == 1)
        #expect(try Money(parsing: "-0.004", roundingExtraDecimals: true).centavos == 0)
    }

    @Test("formats as Q1,234.56 and as plain open-data text", arguments: [
        (Int64(123_456), "Q1,234.56", "1234.56"),
        (0, "Q0.00", "0.00"),
        (5, "Q0.05", "0.05"),
        (-50, "-Q0.50", "-0.50"),
        (17_806_110_000, "Q178,061,100.00", "178061100.00"),
        (100_000_000, "Q1,000,000.00", "1000000.00"),
    ])
    func formats(centavos: Int64, formatted: String, plain: String) {
        let money = Money(centavos: centavos)
        #expect(money.formatted == formatted)
        #expect(money.plainText == plain)
    }

    @Test("sums exactly where floating point would drift")
    func sumsExactly() throws {
        let amounts = try ["29634540.00", "102153732.00", "8351601.00", "7890351.00", "30030876.00"].map { try Money(parsing: $0) }
        #expect(Money.sum(amounts) == Money(quetzales: 178_061_100))
        let dimes = Array(repeating: Money(centavos: 10), count: 1000)
        #expect(Money.sum(dimes) == Money(quetzales: 100))
    }
}
