import Domain
import Testing

struct LargestRemainderTests {
    @Test("parts always add up to the total; the leftover centavos go to the largest remainders, ties to the first")
    func documentedRule() throws {
        #expect(LargestRemainder.split(10_000, weights: [1, 1, 1]) == [3334, 3333, 3333])
        #expect(LargestRemainder.split(100, weights: [1, 1, 1, 1, 1, 1, 1]) == [15, 15, 14, 14, 14, 14, 14])
        // 10 × 1/6 = 1.67, 10 × 2/6 = 3.33, 10 × 3/6 = 5: one centavo left, to the largest remainder (the first).
        #expect(LargestRemainder.split(10, weights: [1, 2, 3]) == [2, 3, 5])
        // Remainders 1, 2, 0 (of 3): the second part gets the centavo even though it is listed later.
        #expect(LargestRemainder.split(10, weights: [1, 2, 0, 0]) == [3, 7, 0, 0])
        #expect(LargestRemainder.split(5, weights: [2, 1]) == [3, 2])
    }

    @Test("evidence amounts that add up to the award split it back into themselves")
    func exactWeights() {
        #expect(LargestRemainder.split(11_878_533, weights: [8_314_973, 3_563_560]) == [8_314_973, 3_563_560])
    }

    @Test("negative totals split by magnitude; zero weights get nothing; bad weights give nil")
    func edges() {
        #expect(LargestRemainder.split(-100, weights: [1, 1, 1]) == [-34, -33, -33])
        #expect(LargestRemainder.split(5, weights: [0, 1]) == [0, 5])
        #expect(LargestRemainder.split(0, weights: [1, 2]) == [0, 0])
        #expect(LargestRemainder.split(5, weights: [0, 0]) == nil)
        #expect(LargestRemainder.split(5, weights: [-1, 2]) == nil)
        #expect(LargestRemainder.split(5, weights: []) == nil)
    }

    @Test("totals and weights near Int64's limit do not overflow")
    func large() throws {
        let total = Int64.max / 2
        let parts = try #require(LargestRemainder.split(total, weights: [Int64.max / 4, Int64.max / 4, 3]))
        #expect(parts.reduce(0, +) == total)
    }

    @Test("on many random cases the parts add up and none is more than one unit away from its exact share")
    func randomCases() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let total = Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator)
            let weights = (0..<Int.random(in: 1...7, using: &generator)).map { _ in
                Int64.random(in: 0...5_000_000_000, using: &generator)
            }
            guard weights.contains(where: { $0 > 0 }) else { continue }
            let parts = try #require(LargestRemainder.split(total, weights: weights))
            #expect(parts.reduce(0, +) == total)
            let sum = Double(weights.reduce(0, +))
            for (part, weight) in zip(parts, weights) {
                #expect(abs(Double(part) - Double(total) * Double(weight) / sum) < 1.001)
            }
        }
    }

    @Test("money and shares split with the same rule")
    func moneyAndShares() throws {
        #expect(
            Money(quetzales: 100).split(byWeights: [1, 1, 1]) == [
                Money(centavos: 3334), Money(centavos: 3333), Money(centavos: 3333),
            ])
        let shares = try #require(LinkShare.split(weights: [1, 1, 1]))
        #expect(shares.map(\.billionths) == [333_333_334, 333_333_333, 333_333_333])
        #expect(shares.reduce(LinkShare(billionths: 0), +) == .whole)
    }
}

struct LinkShareTests {
    @Test(
        "shares read as fractions or percentages, exactly",
        arguments: [
            ("0.6", 600_000_000), ("1", 1_000_000_000), ("60%", 600_000_000), ("60 %", 600_000_000),
            ("33.3333333%", 333_333_333), ("0.333333334", 333_333_334), ("100%", 1_000_000_000), (" 0.5 ", 500_000_000),
        ])
    func parses(text: String, billionths: Int64) {
        #expect(LinkShare(parsing: text)?.billionths == billionths)
    }

    @Test(
        "zero, more than the whole, ten decimals, commas and words are not shares",
        arguments: [
            "0", "0.0", "1.5", "101%", "0.3333333333", "0,6", "sesenta", "", "-0.5", ".5",
        ])
    func refuses(text: String) {
        #expect(LinkShare(parsing: text) == nil)
    }

    @Test("a share prints with nine decimals and as a percentage")
    func prints() {
        #expect(LinkShare(billionths: 700_000_000).description == "0.700000000")
        #expect(LinkShare.whole.description == "1.000000000")
        #expect(LinkShare(billionths: 700_000_000).percentText == "70.00 %")
    }
}

struct SearchTextTests {
    @Test("folding drops accents and case and collapses punctuation")
    func folds() {
        #expect(SearchText.fold("ADQUISICIÓN DE ALIMENTOS, ZONA 1") == "adquisicion de alimentos zona 1")
        #expect(SearchText.fold("  Niñez<br />  y  AÑOS ") == "ninez br y anos")
        #expect(SearchText.fold("") == "")
        #expect(SearchText.fold("CAFÉ Ü ÀÉÎÕÜ çÇ ÿ ŽŠ") == "cafe u aeiou cc y zs")
        #expect(SearchText.fold("Αθήνα — 2022") == "2022", "letters of other scripts are separators")
        #expect(SearchText.fold("e\u{301}xito") == "exito", "a decomposed accent folds like a composed one")
    }
}
