import Domain
import Testing

@testable import Importers

/// ``CompactKeyTable`` answers exactly as a `Dictionary` of the same keys would, through growth and removals
/// (removals shift later entries of a probe run back, which the table's three-quarter load exercises).
struct CompactKeyTableTests {
    /// A packed key per number: the number spread over entidad, programa, actividad and correlativo.
    private func key(_ number: Int) throws -> CompactBudgetKey {
        let renglon = try #require(Renglon(rawValue: ["011", "029", "211", "328"][number % 4]))
        let budgetKey = BudgetKey(
            ejercicio: 2022 + number % 3, entidad: String(11_130_000 + number % 997), unidadEjecutora: "208",
            programa: String(number / 997 % 90 + 10), subprograma: "00", proyecto: "000",
            actividad: threeDigits(number / 89_730 % 1000), obra: "000", renglon: renglon, fuente: "31",
            organismo: "0151", correlativo: String(number % 10_000), ubicacionGeografica: "0101")
        return try #require(CompactBudgetKey(budgetKey))
    }

    private func threeDigits(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    @Test("claims, look-ups, replacements and removals agree with a dictionary over 30,000 keys")
    func agreesWithADictionary() throws {
        var table = CompactKeyTable()
        var model: [CompactBudgetKey: Int32] = [:]
        // A fixed linear congruential sequence: the same operations every run.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for step in 0..<120_000 {
            let packed = try key(next(30_000))
            let line = Int32(step)
            switch next(10) {
            case 0...5:
                let first = table.claim(packed, line: line)
                #expect(first == model[packed])
                if first == nil { model[packed] = line }
            case 6, 7:
                table.remove(packed)
                model[packed] = nil
            case 8:
                table.set(packed, line: line)
                model[packed] = line
            default:
                #expect(table.line(of: packed) == model[packed])
            }
        }
        #expect(table.count == model.count)
        for number in 0..<30_000 {
            let packed = try key(number)
            #expect(table.line(of: packed) == model[packed])
        }
    }

    @Test("a key removed and claimed again is new; a key never stored is absent")
    func removeThenClaim() throws {
        var table = CompactKeyTable()
        let first = try key(1)
        let second = try key(2)
        #expect(table.claim(first, line: 10) == nil)
        #expect(table.claim(first, line: 11) == 10)
        table.remove(first)
        table.remove(second)
        #expect(table.line(of: first) == nil)
        #expect(table.claim(first, line: 12) == nil)
        #expect(table.line(of: first) == 12)
        #expect(table.count == 1)
    }
}
