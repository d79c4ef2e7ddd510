import Domain
import Foundation
import TestSupport
import Testing

@testable import Publishing

/// Numbers written straight as bytes are the bytes of their plain text (``Cell/plain``), with the profile's
/// decimal separator.
struct NumberBytesTests {
    /// Amounts at the edges of 64-bit centavos, around each power of ten, and a seeded spread of others.
    static let centavos: [Int64] = {
        var values: [Int64] = [0, 1, -1, 5, -5, 99, 100, 101, -100, 12_345, Int64.max, Int64.min, Int64.min + 1]
        var power: Int64 = 10
        while power < Int64.max / 10 {
            values += [power - 1, power, power + 1, -power]
            power *= 10
        }
        var generator = SplitMix64(seed: 20_221_231)
        values += (0..<2_000).map { _ in Int64.random(in: -10_000_000_000_00...10_000_000_000_00, using: &generator) }
        return values
    }()

    static func cells() -> [Cell] {
        var cells: [Cell] = centavos.flatMap { [Cell.integer($0), .money(Money(centavos: $0))] }
        let wholes: [Int64] = [1, 3, 7, 100, 178_061_100_00, 999_999_999]
        for value in centavos.prefix(400) {
            for whole in wholes {
                if let share = Money(centavos: value).percent(of: Money(centavos: whole)) {
                    cells.append(.percent(share))
                }
            }
        }
        // Percentages that need rounding, and decimals written as they are.
        for text in [
            "84.8456", "-0.005", "0.004999", "57.375", "100", "1e3", "-12.5", "0.1", "0", "-0.01", "0.5", "65.52",
            "92233720368547758.07", "92233720368547758.08", "-92233720368547758.08", "1e30", "-1e30", "123456789e10",
            "0.10", "7.00", "-100.00",
        ] {
            let value = Decimal(string: text) ?? 0
            cells += [.percent(value), .decimal(value)]
        }
        // Decimals as the tables hold them (link shares, goals) and as files write them, trailing zeros included.
        for text in [
            "1.50", "0.10", "100.0", "-0.5", "0.000000001", "1e-20", "123456789012345678.9", "-7", "0.00", "2.5e3",
            "18446744073709551615", "0.1234567890123456789",
        ] {
            cells.append(.decimal(Decimal(string: text) ?? 0))
        }
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let share = LinkShare(billionths: Int64.random(in: 0...2_000_000_000, using: &generator))
            cells.append(.decimal(share.decimal))
        }
        return cells
    }

    @Test("every numeric cell is written as its plain text, with a point or a comma")
    func sameAsPlainText() {
        for cell in Self.cells() {
            for separator in [UInt8(ascii: "."), UInt8(ascii: ",")] {
                var bytes: [UInt8] = []
                #expect(NumberBytes.append(cell, decimalSeparator: separator, into: &bytes))
                let expected = cell.plain.utf8.map { $0 == UInt8(ascii: ".") ? separator : $0 }
                #expect(bytes == expected, "\(cell)")
            }
        }
    }

    @Test("a percentage's units are exact or absent: never a value that reads back different")
    func exactUnits() {
        #expect(NumberBytes.units(Decimal(string: "65.52")!, decimals: 2) == 6_552)
        #expect(NumberBytes.units(Decimal(string: "-0.5")!, decimals: 2) == -50)
        #expect(NumberBytes.units(Decimal(string: "1e3")!, decimals: 2) == 100_000)
        // The largest units: exact, or declined where Foundation's conversion stops short of Int64.max.
        let largest = NumberBytes.units(Decimal(string: "92233720368547758.07")!, decimals: 2)
        #expect(largest == Int64.max || largest == nil)
        #expect(NumberBytes.units(Decimal(string: "92233720368547758.08")!, decimals: 2) == nil)
        #expect(NumberBytes.units(Decimal(string: "1e30")!, decimals: 2) == nil)
        #expect(NumberBytes.units(Decimal(string: "0.125")!, decimals: 2) == nil)
    }

    @Test("text and empty cells are not numbers: nothing is written")
    func textIsNotWritten() {
        var bytes: [UInt8] = []
        for cell in [Cell.text("12"), .person("MARIA"), .empty] {
            #expect(!NumberBytes.append(cell, decimalSeparator: UInt8(ascii: "."), into: &bytes))
        }
        #expect(bytes.isEmpty)
    }
}
