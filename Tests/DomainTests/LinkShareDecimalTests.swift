import Domain
import Foundation
import TestSupport
import Testing

/// A share's decimal is built from its digits: the value, text and hash of dividing its billionths by a billion.
struct LinkShareDecimalTests {
    @Test("the same value, text and hash as the division, at the edges and across a seeded spread")
    func sameAsDivision() {
        var billionths: [Int64] = [
            0, 1, 5, 10, 999_999_999, 1_000_000_000, 1_000_000_001, 700_000_000, -1, -700_000_000,
        ]
        var generator = SplitMix64(seed: 1_000_000_000)
        billionths += (0..<5_000).map { _ in Int64.random(in: -3_000_000_000...3_000_000_000, using: &generator) }
        billionths += (0..<1_000).map { _ in Int64.random(in: 0...1_000, using: &generator) * 1_000_000 }
        for value in billionths {
            let divided = Decimal(value) / Decimal(1_000_000_000)
            let share = LinkShare(billionths: value).decimal
            #expect(share == divided, "\(value)")
            #expect(share.description == divided.description, "\(value)")
            #expect(share.hashValue == divided.hashValue, "\(value)")
        }
    }
}
