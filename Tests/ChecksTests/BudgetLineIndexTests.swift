import Domain
import Foundation
import TestSupport
import Testing

@testable import Checks

/// The evidence → budget line lookup of `evidencia.linea-desconocida`: the same answers as comparing every row
/// with every line, holding only what the evidence asks for.
struct BudgetLineIndexTests {
    private static let renglones = ["011", "029", "211", "262"].compactMap(Renglon.init(rawValue:))

    private static func pick<T>(_ values: [T], _ generator: inout SplitMix64) -> T {
        values[Int(generator.next() % UInt64(values.count))]
    }

    /// Lines drawn from small alphabets, so many evidence rows fit some line and many fit none; codes of
    /// different lengths whose concatenations coincide ("1" + "10" and "11" + "0").
    private static func lines(_ count: Int, _ generator: inout SplitMix64) -> [BudgetKey] {
        (0..<count).map { _ in
            BudgetKey(
                ejercicio: 2022, entidad: pick(["11130016", "11130017"], &generator),
                unidadEjecutora: pick(["208", nil, "209"], &generator), programa: pick(["1", "11"], &generator),
                subprograma: pick(["0", "00", "10"], &generator), proyecto: "000",
                actividad: pick(["001", "002", "003"], &generator), obra: "000", renglon: pick(renglones, &generator),
                fuente: "11", ubicacionGeografica: nil)
        }
    }

    /// Evidence rows giving a random subset of the codes (each absent one a third of the time).
    private static func evidence(_ count: Int, _ generator: inout SplitMix64) -> [LinkEvidence] {
        func maybe(_ values: [String]) -> String? {
            generator.next() % 3 == 0 ? nil : pick(values, &generator)
        }
        return (0..<count).map { line in
            LinkEvidence(
                kind: .insumo, ejercicio: generator.next() % 4 == 0 ? nil : 2022, nog: String(1_000 + line),
                entidad: maybe(["11130016", "11130017"]), unidadEjecutora: maybe(["208", "209", ""]),
                programa: maybe(["1", "11"]), subprograma: maybe(["0", "00", "10"]), proyecto: maybe(["000"]),
                actividad: maybe(["001", "002", "004"]), obra: maybe(["000"]),
                renglon: generator.next() % 10 == 0 ? nil : pick(renglones, &generator), monto: Money(centavos: 1),
                sourceLine: line + 2)
        }
    }

    @Test("answers as comparing every evidence row with every line, for every combination of codes given")
    func agreesWithMatches() {
        var generator = SplitMix64(seed: 16)
        for round in 0..<5 {
            let lines = Self.lines(200, &generator)
            let rows = Self.evidence(400, &generator)
            var index = BudgetLineIndex()
            for row in rows { index.ask(row) }
            for line in lines { index.offer(line) }
            var found = 0
            for row in rows {
                let expected = row.renglon != nil && lines.contains { row.matches($0) }
                #expect(index.contains(row) == expected, "round \(round), row \(row.sourceLine)")
                if expected { found += 1 }
            }
            #expect(found > 20 && found < rows.count - 20, "the generated rows fit some lines and miss others")
        }
    }

    @Test("codes whose concatenations coincide are told apart (programa 1 subprograma 10 is not 11 and 0)")
    func neighbouringCodes() throws {
        let renglon = try #require(Renglon(rawValue: "211"))
        let line = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "0",
            proyecto: "000", actividad: "001", obra: "000", renglon: renglon, fuente: nil, ubicacionGeografica: nil)
        let row = LinkEvidence(
            kind: .insumo, ejercicio: 2022, nog: "1", programa: "1", subprograma: "10", renglon: renglon,
            monto: Money(centavos: 1), sourceLine: 2)
        var index = BudgetLineIndex()
        index.ask(row)
        index.offer(line)
        #expect(index.sawLines)
        #expect(!index.contains(row))
    }

    @Test("holds the distinct projections the evidence asks for, however many lines stream past")
    func boundedByEvidence() {
        var generator = SplitMix64(seed: 7)
        let rows = Self.evidence(300, &generator)
        var index = BudgetLineIndex()
        for row in rows { index.ask(row) }
        let asked = index.heldProjections
        #expect(asked > 50 && asked <= rows.count)
        for _ in 0..<5 {
            for line in Self.lines(2_000, &generator) { index.offer(line) }
            #expect(index.heldProjections == asked)
        }
    }

    @Test("rows without renglón ask nothing and are never found")
    func withoutRenglon() {
        var index = BudgetLineIndex()
        let row = LinkEvidence(kind: .insumo, ejercicio: 2022, nog: "1", monto: Money(centavos: 1), sourceLine: 2)
        index.ask(row)
        #expect(!index.asks)
        var generator = SplitMix64(seed: 1)
        for line in Self.lines(10, &generator) { index.offer(line) }
        #expect(!index.contains(row))
    }
}
