import Domain
import Foundation
import TestSupport
import Testing

/// ``MonthlyAmounts`` reads, compares, hashes and encodes like the `[Int: Money]` it replaced.
struct MonthlyAmountsTests {
    private static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// An amount of any size and sign, zero often.
    private static func amount(_ generator: inout SplitMix64) -> Money {
        switch generator.next() % 4 {
        case 0: .zero
        case 1: Money(centavos: Int64.random(in: -10_000...10_000, using: &generator))
        case 2: Money(centavos: Int64.random(in: 0...Money.largestAmount.centavos, using: &generator))
        default: Money(centavos: Int64.random(in: Int64.min...Int64.max, using: &generator))
        }
    }

    /// Checks every reading of `months` against the dictionary it should read like.
    private static func expectSame(
        _ months: MonthlyAmounts, _ model: [Int: Money], step: Int, generator: inout SplitMix64
    ) throws {
        for month in 0...13 { #expect(months[month] == model[month], "step \(step), month \(month)") }
        #expect(months[-1] == nil && months[Int.max] == nil && months[Int.min] == nil)
        #expect(months.isEmpty == model.isEmpty, "step \(step)")
        #expect(months.count == model.count, "step \(step)")
        let sortedKeys = model.keys.sorted()
        #expect(months.keys == sortedKeys, "step \(step)")
        #expect(months.values == sortedKeys.compactMap { model[$0] }, "step \(step)")
        let pairs = months.map { [$0.key: $0.value] }
        #expect(pairs == sortedKeys.compactMap { key in model[key].map { [key: $0] } }, "step \(step)")
        #expect(months.mapValues(\.centavos) == model.mapValues(\.centavos), "step \(step)")

        // The same months set in another order, and from the dictionary, are equal and hash alike.
        var shuffled = MonthlyAmounts()
        for (month, amount) in model.shuffled(using: &generator) { shuffled[month] = amount }
        #expect(shuffled == months && MonthlyAmounts(model) == months, "step \(step)")
        #expect(shuffled.hashValue == months.hashValue, "step \(step)")
        #expect(MonthlyAmounts(model).hashValue == months.hashValue, "step \(step)")

        // One month more (even at zero), or one month with another amount, is another value.
        if let absent = (1...12).first(where: { model[$0] == nil }) {
            var more = months
            more[absent] = .zero
            #expect(more != months, "step \(step), month \(absent)")
        }
        if let first = model.first {
            let (month, amount) = (first.key, first.value)
            var other = months
            other[month] = Money(centavos: amount.centavos &+ 1)
            #expect(other != months, "step \(step), month \(month)")
            var fewer = months
            fewer[month] = nil
            #expect(fewer != months, "step \(step), month \(month)")
        }

        let json = try encoded(months)
        #expect(json == (try encoded(model)), "step \(step)")
        #expect(try JSONDecoder().decode(MonthlyAmounts.self, from: json) == months, "step \(step)")
    }

    @Test("2,000 random settings and clearings of months read like the same operations on a dictionary")
    func agreesWithDictionary() throws {
        var generator = SplitMix64(seed: 0x4D45_5345_5332_3032)
        var months = MonthlyAmounts()
        var model: [Int: Money] = [:]
        var emptied = 0
        var filled = 0
        for step in 0..<2_000 {
            // Out of eight, how many operations clear a month: phases that empty the value and fill it up.
            let clearing: UInt64 = [2, 7, 1, 4][step / 500]
            let month = Int.random(in: 1...12, using: &generator)
            if generator.next() % 8 < clearing {
                months[month] = nil
                model[month] = nil
            } else {
                let amount = Self.amount(&generator)
                months[month] = amount
                model[month] = amount
            }
            if step > 0 && model.isEmpty { emptied += 1 }
            if model.count == 12 { filled += 1 }
            try Self.expectSame(months, model, step: step, generator: &generator)
        }
        // The sequence went through the empty and the full value, not only the ones in between.
        #expect(emptied > 0 && filled > 0)
    }

    @Test("an empty value and a full one read like their dictionaries")
    func emptyAndFull() throws {
        var generator = SplitMix64(seed: 7)
        try Self.expectSame(MonthlyAmounts(), [:], step: 0, generator: &generator)
        var full: [Int: Money] = [:]
        for month in 1...12 { full[month] = Money(centavos: Int64(month) * 100 - 600) }
        try Self.expectSame(MonthlyAmounts(full), full, step: 1, generator: &generator)
        #expect(MonthlyAmounts(full).count == 12)
        #expect(MonthlyAmounts().isEmpty && !MonthlyAmounts(full).isEmpty)
    }

    @Test("a literal reads like the dictionary literal; a zero month is present, unlike an absent one")
    func literalsAndZero() {
        let literal: MonthlyAmounts = [3: Money(centavos: 5), 1: .zero]
        #expect(literal.keys == [1, 3])
        #expect(literal.values == [.zero, Money(centavos: 5)])
        #expect(literal[1] == .zero && literal[2] == nil)
        #expect(literal != [3: Money(centavos: 5)])
        #expect(literal == MonthlyAmounts([1: .zero, 3: Money(centavos: 5)]))
    }

    @Test("JSON has the dictionary's shape: month numbers as keys and Money's own encoding as values")
    func jsonShape() throws {
        let months: MonthlyAmounts = [12: Money(centavos: -1), 2: Money(centavos: 150)]
        let text = String(decoding: try Self.encoded(months), as: UTF8.self)
        #expect(text == #"{"12":{"centavos":-1},"2":{"centavos":150}}"#)
        #expect(
            text
                == String(
                    decoding: try Self.encoded([12: Money(centavos: -1), 2: Money(centavos: 150)]), as: UTF8.self))
        #expect(String(decoding: try Self.encoded(MonthlyAmounts()), as: UTF8.self) == "{}")
    }

    @Test("decoding refuses months outside 1…12 and reads every month inside", arguments: [0, 13, -1, 100])
    func decodingRefusesOtherMonths(month: Int) throws {
        let decoder = JSONDecoder()
        let outside = Data(#"{"\#(month)":{"centavos":100},"1":{"centavos":5}}"#.utf8)
        #expect(throws: DecodingError.self) { try decoder.decode(MonthlyAmounts.self, from: outside) }
        // The dictionary it replaces reads the same JSON: the refusal is the months', not the shape's.
        #expect(try decoder.decode([Int: Money].self, from: outside).count == 2)
        let inside = Data(#"{"12":{"centavos":100},"1":{"centavos":5}}"#.utf8)
        #expect(
            try decoder.decode(MonthlyAmounts.self, from: inside) == [1: Money(centavos: 5), 12: Money(quetzales: 1)])
    }
}
