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

/// What hashing the projections must not change: hits are confirmed on the exact codes, so the answers are those
/// of comparing codes, with the real hash and with one under which every projection collides.
struct BudgetLineIndexHashingTests {
    private static func index(colliding: Bool) -> BudgetLineIndex {
        colliding ? BudgetLineIndex(rehashing: { _ in 0 }) : BudgetLineIndex()
    }

    private static func line(
        entidad: String = "11130016", unidadEjecutora: String? = "208", programa: String = "11",
        subprograma: String = "00", actividad: String = "001", renglon: String = "211"
    ) throws -> BudgetKey {
        BudgetKey(
            ejercicio: 2022, entidad: entidad, unidadEjecutora: unidadEjecutora, programa: programa,
            subprograma: subprograma, proyecto: "000", actividad: actividad, obra: "000",
            renglon: try #require(Renglon(rawValue: renglon)), fuente: nil, ubicacionGeografica: nil)
    }

    private static func row(
        _ sourceLine: Int, ejercicio: Int? = 2022, entidad: String? = nil, unidadEjecutora: String? = nil,
        programa: String? = nil, subprograma: String? = nil, proyecto: String? = nil, actividad: String? = nil,
        obra: String? = nil, renglon: String = "211"
    ) -> LinkEvidence {
        LinkEvidence(
            kind: .insumo, ejercicio: ejercicio, nog: String(sourceLine), entidad: entidad,
            unidadEjecutora: unidadEjecutora, programa: programa, subprograma: subprograma, proyecto: proyecto,
            actividad: actividad, obra: obra, renglon: Renglon(rawValue: renglon), monto: Money(centavos: 1),
            sourceLine: sourceLine)
    }

    /// Which rows the index finds after every row asked and every line streamed past.
    private static func found(_ rows: [LinkEvidence], _ lines: [BudgetKey], colliding: Bool) -> [Bool] {
        var index = index(colliding: colliding)
        for row in rows { index.ask(row) }
        for line in lines { index.offer(line) }
        return rows.map { index.contains($0) }
    }

    private static func expected(_ rows: [LinkEvidence], _ lines: [BudgetKey]) -> [Bool] {
        rows.map { row in lines.contains { row.matches($0) } }
    }

    @Test("codes split differently are told apart: entidad 12 unidad 3 is not 1 and 23", arguments: [false, true])
    func splitDifferently(colliding: Bool) throws {
        let lines = [
            try Self.line(entidad: "12", unidadEjecutora: "3"), try Self.line(programa: "1", subprograma: "23"),
        ]
        let rows = [
            Self.row(2, entidad: "1", unidadEjecutora: "23"), Self.row(3, entidad: "12", unidadEjecutora: "3"),
            Self.row(4, programa: "12", subprograma: "3"), Self.row(5, programa: "1", subprograma: "23"),
            Self.row(6, entidad: "123", unidadEjecutora: ""), Self.row(7, programa: "", subprograma: "123"),
        ]
        #expect(Self.found(rows, lines, colliding: colliding) == [false, true, false, true, false, false])
        #expect(Self.found(rows, lines, colliding: colliding) == Self.expected(rows, lines))
    }

    @Test("a line without unidad ejecutora fits rows giving it empty, not rows giving one", arguments: [false, true])
    func absentUnidadEjecutora(colliding: Bool) throws {
        let lines = [try Self.line(unidadEjecutora: nil, actividad: "001"), try Self.line(actividad: "002")]
        let rows = [
            Self.row(2, unidadEjecutora: "", actividad: "001"), Self.row(3, unidadEjecutora: "208", actividad: "001"),
            Self.row(4, unidadEjecutora: "", actividad: "002"), Self.row(5, unidadEjecutora: "208", actividad: "002"),
            Self.row(6, actividad: "001"),
        ]
        #expect(Self.found(rows, lines, colliding: colliding) == [true, false, false, true, true])
        #expect(Self.found(rows, lines, colliding: colliding) == Self.expected(rows, lines))
    }

    @Test("rows asking for the same projection are held once and found together", arguments: [false, true])
    func sameProjection(colliding: Bool) throws {
        let rows = (2..<12).map { Self.row($0, entidad: "11130016", programa: $0 % 2 == 0 ? "11" : "12") }
        var index = Self.index(colliding: colliding)
        for row in rows { index.ask(row) }
        #expect(index.heldProjections == 2)
        for _ in 0..<3 { index.offer(try Self.line(programa: "11")) }
        #expect(index.heldProjections == 2)
        #expect(rows.map { index.contains($0) } == rows.map { $0.sourceLine % 2 == 0 })
        index.offer(try Self.line(programa: "12"))
        #expect(index.heldProjections == 2)
        #expect(rows.allSatisfy { index.contains($0) })
    }

    @Test("every combination of codes given, each right or one code off", arguments: [false, true])
    func everyMask(colliding: Bool) throws {
        let lines = [try Self.line(), try Self.line(entidad: "11130017", unidadEjecutora: nil, subprograma: "01")]
        var rows: [LinkEvidence] = []
        for mask in 0..<256 {
            for wrong in [-1, 0, 1, 2, 3, 4, 5, 6, 7] where wrong < 0 || mask & 1 << wrong != 0 {
                func code(_ bit: Int, _ right: String) -> String? {
                    mask & 1 << bit == 0 ? nil : bit == wrong ? right + "9" : right
                }
                rows.append(
                    Self.row(
                        rows.count + 2, ejercicio: mask & 1 == 0 ? nil : wrong == 0 ? 2023 : 2022,
                        entidad: code(1, "11130016"), unidadEjecutora: code(2, "208"), programa: code(3, "11"),
                        subprograma: code(4, "00"), proyecto: code(5, "000"), actividad: code(6, "001"),
                        obra: code(7, "000"), renglon: mask == 255 && wrong < 0 ? "029" : "211"))
            }
        }
        let found = Self.found(rows, lines, colliding: colliding)
        #expect(found == Self.expected(rows, lines))
        #expect(found.filter { $0 }.count == 255)
    }

    @Test("every projection colliding, the answers are those of comparing every row with every line")
    func forcedCollisions() throws {
        let renglones = [try #require(Renglon(rawValue: "211")), try #require(Renglon(rawValue: "029"))]
        var generator = SplitMix64(seed: 31)
        let codes = ["0", "00", "1", "10", "11", "01", ""]
        func pick(_ values: [String]) -> String { values[Int(generator.next() % UInt64(values.count))] }
        for _ in 0..<5 {
            let lines = (0..<150).map { _ in
                BudgetKey(
                    ejercicio: 2022, entidad: pick(codes), unidadEjecutora: pick(codes), programa: pick(codes),
                    subprograma: pick(codes), proyecto: "000", actividad: pick(codes), obra: "000",
                    renglon: renglones[Int(generator.next() % 2)],
                    fuente: nil, ubicacionGeografica: nil)
            }
            let rows = (0..<300).map { line in
                Self.row(
                    line + 2, entidad: generator.next() % 3 == 0 ? nil : pick(codes),
                    unidadEjecutora: generator.next() % 3 == 0 ? nil : pick(codes),
                    programa: generator.next() % 3 == 0 ? nil : pick(codes),
                    subprograma: generator.next() % 3 == 0 ? nil : pick(codes),
                    actividad: generator.next() % 3 == 0 ? nil : pick(codes),
                    renglon: generator.next() % 2 == 0 ? "211" : "029")
            }
            let expected = Self.expected(rows, lines)
            #expect(Self.found(rows, lines, colliding: true) == expected)
            #expect(Self.found(rows, lines, colliding: false) == expected)
            #expect(expected.filter { $0 }.count > 20 && expected.filter { !$0 }.count > 20)
        }
    }

    @Test("codes equal as text with their accents in another order fit, as Swift compares them")
    func canonicallyEquivalentCodes() throws {
        let lines = [try Self.line(programa: "a\u{301}\u{316}")]
        let rows = [Self.row(2, programa: "a\u{316}\u{301}"), Self.row(3, programa: "a\u{301}")]
        #expect(Self.found(rows, lines, colliding: false) == [true, false])
        #expect(Self.found(rows, lines, colliding: false) == Self.expected(rows, lines))
    }

    @Test("a row's ticket answers as looking the row up does, colliding or not", arguments: [false, true])
    func tickets(colliding: Bool) throws {
        var generator = SplitMix64(seed: 43)
        let codes = ["0", "00", "1", "10", ""]
        func pick(_ values: [String]) -> String { values[Int(generator.next() % UInt64(values.count))] }
        let lines = try (0..<100).map { _ in
            try Self.line(
                entidad: pick(codes), unidadEjecutora: generator.next() % 4 == 0 ? nil : pick(codes),
                programa: pick(codes), subprograma: pick(codes), actividad: pick(codes))
        }
        let rows = (0..<300).map { line in
            Self.row(
                line + 2, ejercicio: generator.next() % 4 == 0 ? nil : 2022,
                entidad: generator.next() % 3 == 0 ? nil : pick(codes),
                unidadEjecutora: generator.next() % 3 == 0 ? nil : pick(codes),
                programa: generator.next() % 3 == 0 ? nil : pick(codes),
                actividad: generator.next() % 3 == 0 ? nil : pick(codes))
        }
        var index = Self.index(colliding: colliding)
        let tickets = rows.map { row in BudgetCodes(row).map { codes in codes.withBytes { index.ask($0) } } }
        for line in lines { index.offer(line) }
        let expected = Self.expected(rows, lines)
        #expect(tickets.map { $0.map(index.gave) ?? false } == expected)
        #expect(rows.map { index.contains($0) } == expected)
        #expect(expected.filter { $0 }.count > 20 && expected.filter { !$0 }.count > 20)
    }

    @Test("codes read as invalid UTF-8 fit as the strings a read of them repairs", arguments: [false, true])
    func invalidUTF8(colliding: Bool) {
        // 61 FF and 61 FE both read as "a\u{FFFD}"; 62 FF as "b\u{FFFD}".
        let renglon = Array("211".utf8)
        let full = Array("000".utf8)
        func codes(_ programa: [UInt8], line: Bool, _ body: (BudgetCodeBytes) -> Void) {
            programa.withUnsafeBufferPointer { programa in
                renglon.withUnsafeBufferPointer { renglon in
                    full.withUnsafeBufferPointer { other in
                        body(
                            BudgetCodeBytes(
                                ejercicio: 2022, entidad: line ? other : nil, unidadEjecutora: line ? other : nil,
                                programa: programa, subprograma: line ? other : nil, proyecto: line ? other : nil,
                                actividad: line ? other : nil, obra: line ? other : nil, renglon: renglon))
                    }
                }
            }
        }
        var index = Self.index(colliding: colliding)
        var tickets: [Int] = []
        for programa in [[0x61, 0xFF], [0x62, 0xFF], [0x61]] as [[UInt8]] {
            codes(programa, line: false) { tickets.append(index.ask($0)) }
        }
        #expect(index.heldProjections == 3)
        codes([0x61, 0xFE], line: true) { index.offer($0) }
        #expect(tickets.map(index.gave) == [true, false, false])
        #expect(index.contains(Self.row(2, programa: "a\u{FFFD}")))
        #expect(!index.contains(Self.row(3, programa: "b\u{FFFD}")))
        var repaired = false
        codes([0x61, 0xC3], line: false) { repaired = index.contains($0) }
        #expect(repaired, "a truncated sequence repairs to the same replacement character")
    }
}
