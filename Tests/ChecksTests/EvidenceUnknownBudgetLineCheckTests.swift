import Checks
import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// `evidencia.linea-desconocida` on a ledger, read through SQLite's rows in place: its findings are those of
/// comparing every evidence row with every current line (``LinkEvidence/matches(_:)``), cited as the rows were.
struct EvidenceUnknownBudgetLineCheckTests {
    private static let renglones = ["011", "029", "211"].compactMap(Renglon.init(rawValue:))
    /// Short codes whose concatenations coincide, empty ones, and the same accents in two orders.
    private static let codes = ["0", "00", "1", "10", "11", "", "a\u{301}\u{316}", "a\u{316}\u{301}"]

    private static func pick<T>(_ values: [T], _ generator: inout SplitMix64) -> T {
        values[Int(generator.next() % UInt64(values.count))]
    }

    /// Distinct lines of a year; several differ only in fuente, so the year's codes repeat.
    private static func lines(_ year: Int, _ count: Int, _ generator: inout SplitMix64) -> [BudgetLine] {
        var keys = Set<BudgetKey>()
        while keys.count < count {
            keys.insert(
                BudgetKey(
                    ejercicio: year, entidad: pick(["11130016", "1113001"], &generator),
                    unidadEjecutora: pick(["208", nil, "", "2"], &generator), programa: pick(codes, &generator),
                    subprograma: pick(codes, &generator), proyecto: "000", actividad: pick(codes, &generator),
                    obra: "000", renglon: pick(renglones, &generator), fuente: pick(["11", "21", "31"], &generator),
                    ubicacionGeografica: nil))
        }
        return keys.sorted().enumerated().map { offset, key in
            BudgetLine(
                key: key,
                amounts: ExecutionAmounts(
                    asignado: Money(centavos: 1), modificado: .zero, vigente: Money(centavos: 1), devengado: .zero,
                    pagado: .zero),
                sourceLine: offset + 2)
        }
    }

    /// Rows giving a random subset of the codes, some of no year, some without renglón or NOG.
    private static func evidence(_ count: Int, _ generator: inout SplitMix64) -> [LinkEvidence] {
        func maybe(_ values: [String]) -> String? {
            generator.next() % 3 == 0 ? nil : pick(values, &generator)
        }
        return (0..<count).map { line in
            LinkEvidence(
                kind: .insumo, ejercicio: pick([nil, 2022, 2023], &generator),
                nog: generator.next() % 20 == 0 ? nil : String(1_000 + line), npg: "E\(line)",
                entidad: maybe(["11130016", "1113001"]), unidadEjecutora: maybe(["208", "", "2"]),
                programa: maybe(codes), subprograma: maybe(codes), proyecto: maybe(["000", "0"]),
                actividad: maybe(codes), obra: maybe(["000"]),
                renglon: generator.next() % 10 == 0 ? nil : pick(renglones, &generator),
                monto: Money(centavos: Int64(line) * 101), fecha: "2022-05-01", sourceLine: line + 2)
        }
    }

    private static func source(_ name: String) -> ImportSource {
        ImportSource(sourceKind: "prueba", fileName: name, sha256: name, bytes: 1)
    }

    /// The finding the check made for a row before it read rows in place, from the row as a ``LinkEvidence``.
    private static func finding(_ evidence: LinkEvidence, file: String, year: Int) -> Finding {
        let codes = [
            evidence.entidad, evidence.unidadEjecutora,
            [evidence.programa, evidence.subprograma, evidence.proyecto, evidence.actividad, evidence.obra]
                .map { $0 ?? "*" }.joined(separator: "-"),
            evidence.renglon.map { "renglón \($0.rawValue)" },
        ].compactMap { $0 }.joined(separator: " · ")
        return Finding(
            severity: .error,
            message: "la evidencia del NOG \(evidence.nog ?? evidence.npg ?? "") (\(evidence.monto.formatted)) cita "
                + "\(codes), que no está en la ejecución \(year) importada",
            reference: "\(file):\(evidence.sourceLine)",
            rows: [.evidence(file: file, line: evidence.sourceLine), FindingRow("linea", "\(year) \(codes)")]
                + [evidence.nog].compactMap { $0 }.map(FindingRow.nog))
    }

    @Test(
        "findings and count are those of comparing every row with every current line, one or two cut-offs a year",
        arguments: [3, 11, 29] as [UInt64])
    func agreesWithMatches(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let ledger = try Ledger.inMemory()
        // 2022 imported once (one snapshot with every line); 2023 at two cut-offs with lines of their own.
        let lines2022 = Self.lines(2022, 120, &generator)
        let june = Self.lines(2023, 60, &generator)
        let december = Self.lines(2023, 60, &generator)
        for (cutoff, lines, name) in [
            (ExecutionCutoff(ejercicio: 2022), lines2022, "e2022.csv"),
            (ExecutionCutoff(ejercicio: 2023, mes: 6), june, "e2023-06.csv"),
            (ExecutionCutoff(ejercicio: 2023, mes: 12), december, "e2023-12.csv"),
        ] {
            _ = try ledger.importExecution(
                ExecutionSnapshot(cutoff: cutoff, lines: lines), source: Self.source(name), toolVersion: "t",
                rowsRead: lines.count)
        }
        let first = Self.evidence(400, &generator)
        let second = Self.evidence(200, &generator)
        _ = try ledger.importLinkEvidence(first, source: Self.source("a.csv"), toolVersion: "t", rowsRead: 400)
        _ = try ledger.importLinkEvidence(second, source: Self.source("b.csv"), toolVersion: "t", rowsRead: 200)
        let rows = first.map { ($0, "a.csv") } + second.map { ($0, "b.csv") }
        let current = [2022: lines2022.map(\.key), 2023: (june + december).map(\.key)]

        var expected: [Finding] = []
        var examined = 0
        for year in [2022, 2023] {
            for (row, file) in rows where row.nog != nil && (row.ejercicio ?? year) == year && row.renglon != nil {
                examined += 1
                if !(current[year] ?? []).contains(where: { row.matches($0) }) {
                    expected.append(Self.finding(row, file: file, year: year))
                }
            }
        }
        let result = try EvidenceUnknownBudgetLineCheck().run(on: ledger, scope: CheckScope())
        #expect(result.examined == examined)
        #expect(result.findings == expected)
        #expect(expected.count > 20 && expected.count < examined - 20, "the rows fit some lines and miss others")

        let only2023 = try EvidenceUnknownBudgetLineCheck().run(on: ledger, scope: CheckScope(ejercicio: 2023))
        #expect(only2023.findings == expected.filter { $0.rows.contains(where: { $0.key.hasPrefix("2023 ") }) })
    }

    @Test("a year whose evidence asks but has no execution is not compared")
    func withoutExecution() throws {
        let ledger = try Ledger.inMemory()
        var generator = SplitMix64(seed: 5)
        _ = try ledger.importLinkEvidence(
            Self.evidence(50, &generator), source: Self.source("a.csv"), toolVersion: "t", rowsRead: 50)
        let result = try EvidenceUnknownBudgetLineCheck().run(on: ledger, scope: CheckScope(ejercicio: 2022))
        #expect(result.examined == 0 && result.findings.isEmpty)
    }
}
