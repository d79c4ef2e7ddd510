import Domain
import Foundation
import Testing

struct MoneyTests {
    @Test(
        "parses the ways Guatemalan files write amounts",
        arguments: [
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

    @Test(
        "parses decimal-comma amounts only when told the file's style",
        arguments: [
            ("1.234,56", Int64(123_456)),
            ("Q 29.634.540,00", 2_963_454_000),
            ("0,5", 50),
        ])
    func parsesDecimalComma(text: String, centavos: Int64) throws {
        #expect(try Money(parsing: text, style: .decimalComma).centavos == centavos)
    }

    @Test(
        "rejects text that is not an amount",
        arguments: [
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

    @Test(
        "a third significant decimal is an error, trailing zeros are not",
        arguments: [
            ("1.234", nil), ("0.005", nil), ("2.345", nil), ("-0.004", nil), ("1.2300", Int64(123)), ("5.000", 500),
            ("Q1,234.5000", 123_450),
        ] as [(String, Int64?)])
    func refusesExtraDecimals(text: String, centavos: Int64?) throws {
        if let centavos {
            #expect(try Money(parsing: text).centavos == centavos)
        } else {
            #expect(throws: MoneyParseError.tooManyDecimals(text)) { try Money(parsing: text) }
            #expect(throws: MoneyParseError.tooManyDecimals(text)) {
                try Money(parsing: text, extraDecimals: .roundFloatNoise)
            }
        }
    }

    @Test(
        "binary-float noise is rounded exactly and reported; a real third decimal is not noise",
        arguments: [
            ("1234.5600000001", Int64(123_456), true), ("1234.5599999999999", 123_456, true),
            ("0.30000000000000004", 30, true), ("12345678901.229999", 1_234_567_890_123, true),
            ("-7.8900000000000006", -789, true), ("1.5E+3", 150_000, false), ("2.5e2", 25_000, false),
            ("1E-15", 0, true),
        ])
    func roundsFloatNoise(text: String, centavos: Int64, rounded: Bool) throws {
        let parsed = try Money.parse(text, extraDecimals: .roundFloatNoise)
        #expect(parsed.amount.centavos == centavos)
        #expect(parsed.roundedFloatNoise == rounded)
        #expect(throws: MoneyParseError.self) { try Money(parsing: text) }
    }

    @Test(
        "amounts above one trillion quetzales are refused, whatever their spelling",
        arguments: [
            "92233720368547758.07", "50,000,000,000,000,000.00", "1000000000000.01", "-1000000000000.01",
            "(1,000,000,000,000.01)", "99999999999999999999",
        ])
    func refusesAboveCeiling(text: String) {
        #expect(throws: MoneyParseError.outOfRange(text)) { try Money(parsing: text) }
        #expect(throws: MoneyParseError.outOfRange(text)) { try Money(parsing: text, extraDecimals: .roundFloatNoise) }
    }

    @Test("the ceiling itself and zero-padded amounts are accepted; 5e16 is refused as a float")
    func ceilingEdges() throws {
        #expect(try Money(parsing: "1,000,000,000,000.00") == Money.largestAmount)
        #expect(try Money(parsing: "-1000000000000") == Money(centavos: -100_000_000_000_000))
        #expect(try Money(parsing: "000000000000000000012.50").centavos == 1250)
        #expect(throws: MoneyParseError.outOfRange("5e16")) {
            try Money(parsing: "5e16", extraDecimals: .roundFloatNoise)
        }
        #expect(throws: MoneyParseError.notANumber("5e16")) { try Money(parsing: "5e16") }
        #expect(MoneyParseError.outOfRange("x").errorDescription?.contains("Q1,000,000,000,000.00") == true)
    }

    @Test("a percentage of amounts near the 64-bit limit is nil, not a trap")
    func percentNearLimit() {
        let nearLimit = Money(centavos: 922_000_000_000_000)
        #expect(nearLimit.percent(of: Money(centavos: .max)) == nil)
        #expect(Money(centavos: 50).percent(of: Money(centavos: 200)) == Decimal(25))
    }

    @Test("sums and differences that leave 64-bit centavos throw instead of trapping")
    func overflowThrows() throws {
        let huge = Money(centavos: .max)
        #expect(throws: MoneyOverflowError(lhs: huge, rhs: Money(centavos: 1), operation: .addition)) {
            try huge + Money(centavos: 1)
        }
        #expect(throws: MoneyOverflowError.self) { try Money(centavos: .min) - Money(centavos: 1) }
        #expect(throws: MoneyOverflowError.self) { try -Money(centavos: .min) }
        #expect(throws: MoneyOverflowError.self) { try Money.sum([huge, huge]) }
        var total = huge
        #expect(throws: MoneyOverflowError.self) { try total += Money(centavos: 1) }
        #expect(total == huge, "a failed += leaves the value unchanged")
        let message = MoneyOverflowError(lhs: huge, rhs: huge, operation: .addition).errorDescription ?? ""
        #expect(message.contains("excede el máximo representable"))
        #expect(try Money.sum([Money(centavos: .max - 1), Money(centavos: 1)]) == huge)
    }

    @Test(
        "formats as Q1,234.56 and as plain open-data text",
        arguments: [
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
        let amounts = try ["29634540.00", "102153732.00", "8351601.00", "7890351.00", "30030876.00"].map {
            try Money(parsing: $0)
        }
        #expect(try Money.sum(amounts) == Money(quetzales: 178_061_100))
        let dimes = Array(repeating: Money(centavos: 10), count: 1000)
        #expect(try Money.sum(dimes) == Money(quetzales: 100))
    }

    @Test("a percentage is the same decimal, text and hash as dividing its rounded units")
    func percentWithoutDivision() throws {
        for decimals in 0...3 {
            var scale: Int64 = 100
            for _ in 0..<decimals { scale *= 10 }
            for whole: Int64 in [1, 3, 7, 100, 12_345, 99_999_999] {
                for part: Int64 in [-5_000, -1, 0, 1, 2, 50, 99, 100, 101, 7_777, 12_345, 1_000_000, 987_654_321] {
                    let percent = try #require(
                        Money(centavos: part).percent(of: Money(centavos: whole), decimals: decimals))
                    let scaled = part * scale
                    let half = whole / 2
                    let units = (scaled + (scaled >= 0 ? half : -half)) / whole
                    let divided = Decimal(units) / Decimal(scale / 100)
                    #expect(percent == divided)
                    #expect("\(percent)" == "\(divided)")
                    #expect(percent.hashValue == divided.hashValue)
                    #expect(percent.fixed(decimals: 2) == divided.fixed(decimals: 2))
                    #expect(percent.fixed(decimals: decimals) == divided.fixed(decimals: decimals))
                }
            }
        }
    }
}
