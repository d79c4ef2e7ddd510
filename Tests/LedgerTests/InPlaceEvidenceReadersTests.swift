import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

/// The readers that hand SQLite's rows over in place give what the readers that build values give: a current
/// line's codes as its ``BudgetKey`` has them (each once), an evidence row's columns as its ``StoredLinkEvidence``.
struct InPlaceEvidenceReadersTests {
    private static let renglones = ["011", "029", "211"].compactMap(Renglon.init(rawValue:))

    private static func source(_ name: String) -> ImportSource {
        ImportSource(sourceKind: "prueba", fileName: name, sha256: name, bytes: 1)
    }

    private static func line(_ year: Int, _ index: Int) -> BudgetLine {
        BudgetLine(
            key: BudgetKey(
                ejercicio: year, entidad: index % 5 == 0 ? "1113001\u{301}" : "11130016",
                unidadEjecutora: [nil, "", "208"][index % 3], programa: String(index % 4), subprograma: "00",
                proyecto: "000", actividad: String(format: "%03d", index % 7), obra: "000",
                renglon: renglones[index % 3],
                fuente: ["11", "21"][index % 2], ubicacionGeografica: nil),
            amounts: ExecutionAmounts(
                asignado: Money(centavos: 1), modificado: .zero, vigente: Money(centavos: 1), devengado: .zero,
                pagado: .zero),
            sourceLine: index + 2)
    }

    /// The codes a line's key gives through the renglón, its absent unidad ejecutora empty.
    private static func codes(_ key: BudgetKey) -> [String] {
        let structure = key.structure
        return [
            String(key.ejercicio), structure.entidad, structure.unidadEjecutora ?? "", structure.programa,
            structure.subprograma, structure.proyecto, structure.actividad, structure.obra, key.renglon.rawValue,
        ]
    }

    private static func codes(_ view: BudgetCodesRowView) -> [String] {
        [String(view.ejercicio)]
            + [
                view.entidad, view.unidadEjecutora, view.programa, view.subprograma, view.proyecto, view.actividad,
                view.obra, view.renglon,
            ].map { String(decoding: $0, as: UTF8.self) }
    }

    private static func compare(_ ledger: Ledger, years: [Int]) throws {
        for year in years {
            for entidad in [nil, "11130016"] {
                var expected = Set<[String]>()
                try ledger.forEachCurrentBudgetKey(ejercicio: year, entidad: entidad) { expected.insert(codes($0)) }
                var read: [[String]] = []
                try ledger.forEachCurrentBudgetCodes(ejercicio: year, entidad: entidad) { read.append(codes($0)) }
                #expect(read.count == Set(read).count, "each line's codes once")
                #expect(Set(read) == expected, "year \(year), entidad \(entidad ?? "-")")
            }
        }
    }

    @Test("current lines' codes: one cut-off, two cut-offs, and lines no snapshot has any more")
    func currentBudgetCodes() throws {
        let ledger = try Ledger.inMemory()
        let lines2022 = (0..<60).map { Self.line(2022, $0) }
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022), lines: lines2022),
            source: Self.source("e2022.csv"), toolVersion: "t", rowsRead: 60)
        for (mes, range) in [(6, 0..<40), (12, 20..<70)] {
            _ = try ledger.importExecution(
                ExecutionSnapshot(
                    cutoff: ExecutionCutoff(ejercicio: 2023, mes: mes), lines: range.map { Self.line(2023, $0) }),
                source: Self.source("e2023-\(mes).csv"), toolVersion: "t", rowsRead: range.count)
        }
        try Self.compare(ledger, years: [2022, 2023, 2024])
        var total2022 = 0
        try ledger.forEachCurrentBudgetCodes(ejercicio: 2022) { _ in total2022 += 1 }
        // Lines a snapshot no longer has are not current: the single cut-off of 2022 then misses some of the year.
        try ledger.write { db in
            try db.execute(
                sql: """
                    DELETE FROM budget_snapshot_line WHERE budget_line_id IN
                        (SELECT id FROM budget_line WHERE ejercicio = 2022 AND programa = '1')
                    """)
        }
        try Self.compare(ledger, years: [2022])
        var left2022 = 0
        try ledger.forEachCurrentBudgetCodes(ejercicio: 2022) { _ in left2022 += 1 }
        #expect(left2022 > 0 && left2022 < total2022)
    }

    @Test("evidence rows in place: the same rows, in the same order, with the columns the stored rows have")
    func evidenceRows() throws {
        let ledger = try Ledger.inMemory()
        for (file, offset) in [("a.csv", 0), ("b.csv", 100)] {
            let rows = (0..<40).map { index in
                LinkEvidence(
                    kind: .insumo, ejercicio: [nil, 2022, 2023][index % 3],
                    nog: index % 9 == 0 ? nil : String(offset + index), npg: index % 2 == 0 ? nil : "E\(index)",
                    entidad: index % 4 == 0 ? nil : "11130016", unidadEjecutora: [nil, "", "208"][index % 3],
                    programa: index % 5 == 0 ? nil : "1\u{301}", subprograma: "00", proyecto: nil,
                    actividad: String(index % 7), obra: "000", renglon: index % 6 == 0 ? nil : Renglon(rawValue: "211"),
                    nit: "123", monto: Money(centavos: Int64(index) * 99), fecha: index % 2 == 0 ? "2022-01-02" : nil,
                    sourceLine: index + 2)
            }
            _ = try ledger.importLinkEvidence(rows, source: Self.source(file), toolVersion: "t", rowsRead: rows.count)
        }
        for year in [2022, 2023] {
            for entidad in [nil, "11130016"] {
                let stored = try ledger.storedLinkEvidence(ejercicio: year, entidad: entidad)
                var read: [StoredLinkEvidence] = []
                try ledger.forEachLinkEvidenceRow(ejercicio: year, entidad: entidad) { row in
                    let evidence = LinkEvidence(
                        kind: .insumo, ejercicio: row.ejercicio, nog: row.string(.nog), npg: row.string(.npg),
                        entidad: row.string(.entidad), unidadEjecutora: row.string(.unidadEjecutora),
                        programa: row.string(.programa), subprograma: row.string(.subprograma),
                        proyecto: row.string(.proyecto), actividad: row.string(.actividad), obra: row.string(.obra),
                        renglon: row.string(.renglon).flatMap(Renglon.init(rawValue:)), nit: "123", monto: row.monto,
                        fecha: row.string(.fecha), sourceLine: row.sourceLine)
                    #expect(row.text(.renglon).map { Array($0) } == row.string(.renglon).map { Array($0.utf8) })
                    read.append(
                        StoredLinkEvidence(
                            id: row.id, importRunID: stored.first { $0.id == row.id }?.importRunID ?? -1,
                            fileName: row.fileName, evidence: evidence))
                }
                #expect(read == stored)
                #expect(!stored.isEmpty)
            }
        }
    }
}
