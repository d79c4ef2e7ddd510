import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// The year's execution added up in Swift while its lines are stepped gives what SQLite's GROUP BY gave
/// (``ExecutionTotalsSQLReference``): the same groups in the same order, sums, absent comprometido and months, line
/// counts, cut-off and activity names, with one cut-off or several, for the whole year or one entidad or unidad.
struct ExecutionTotalsScanTests {
    /// The filters a profile or a command may set: none, an entidad, an entidad and its unidad, a unidad alone, an
    /// entidad without units, and one with no lines.
    static let filters: [(entidad: String?, unidad: String?)] = [
        (nil, nil), ("11130016", nil), ("11130016", "208"), (nil, "208"), ("11130018", nil), ("99999999", nil),
    ]

    static let groupings: [ExecutionTotals.Grouping] = [.renglon, .grupo, .actividad]

    private static func key(
        entidad: String, unidad: String?, actividad: String, renglon: String, fuente: String
    ) -> BudgetKey {
        BudgetKey(
            ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, programa: "11", subprograma: "00",
            proyecto: "000", actividad: actividad, obra: "000", renglon: Renglon(rawValue: renglon)!, fuente: fuente,
            ubicacionGeografica: "0101")
    }

    /// Thirty lines over two entidades (one without unidades), three activities, six renglones in four groups,
    /// each with its own amounts: comprometido reported by some, months by some (one of them a zero), names by some.
    private static func lines(scale: Int64) -> [BudgetLine] {
        var lines: [BudgetLine] = []
        let places: [(String, String?)] = [("11130016", "208"), ("11130016", "209"), ("11130018", nil)]
        for (place, (entidad, unidad)) in places.enumerated() {
            for (activity, actividad) in ["001", "002"].enumerated() {
                // Two lines of renglón 011 (fuentes 11 and 31): one group by structure and renglón.
                for (index, renglon) in ["011", "011", "029", "122", "911"].enumerated() {
                    let number = Int64(place * 100 + activity * 10 + index + 1)
                    let amount = Money(centavos: number * 1_000_07 * scale)
                    let months: MonthlyAmounts =
                        index == 2 ? [:] : index == 3 ? [4: .zero] : [2: amount, Int(number % 12) + 1: amount]
                    lines.append(
                        BudgetLine(
                            key: key(
                                entidad: entidad, unidad: unidad, actividad: actividad, renglon: renglon,
                                fuente: ["11", "31", "11", "11", "21"][index]),
                            amounts: ExecutionAmounts(
                                asignado: amount, modificado: Money(centavos: -number), vigente: amount,
                                precomprometido: place == 2 ? amount : nil,
                                comprometido: index.isMultiple(of: 2) ? amount : nil, devengado: amount,
                                pagado: Money(centavos: number), devengadoMensual: months),
                            names: index == 1 && activity == 0 ? ["actividad": "Actividad \(place)"] : [:],
                            sourceLine: lines.count + 1))
                }
            }
        }
        return lines
    }

    private static func importing(_ ledger: Ledger, _ cutoff: ExecutionCutoff, _ lines: [BudgetLine], _ name: String)
        throws
    {
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: cutoff, lines: lines),
            source: ImportSource(sourceKind: "ejecucion", fileName: "\(name).csv", sha256: name, bytes: 1),
            toolVersion: "t", rowsRead: lines.count)
    }

    /// A ledger of 2022 with one cut-off, or with three (and more, each a few lines more): March with every line, June with every other line (new
    /// amounts) and two lines of its own, and a file of the same cut-off (30 June) imported later with a few lines
    /// again. A line of 2021 is never counted. Codes SQLite keeps apart and Swift's `String` would not (é written
    /// whole and as e with an accent) and an empty unidad ejecutora beside absent ones are written by hand.
    static func ledger(snapshots: Int) throws -> Ledger {
        let ledger = try Ledger.inMemory()
        let march = lines(scale: 1)
        try importing(ledger, ExecutionCutoff(ejercicio: 2022, mes: 3), march, "marzo")
        if snapshots > 1 {
            var june = lines(scale: 3).enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
            june.append(
                BudgetLine(
                    key: key(entidad: "11130016", unidad: "208", actividad: "003", renglon: "261", fuente: "11"),
                    amounts: ExecutionAmounts(
                        asignado: Money(quetzales: 5), modificado: .zero, vigente: Money(quetzales: 5),
                        devengado: Money(quetzales: 2), pagado: .zero),
                    names: ["actividad": "Nueva"], sourceLine: 99))
            try importing(ledger, ExecutionCutoff(ejercicio: 2022, mes: 6), june, "junio")
            let again = lines(scale: 7).enumerated().filter { $0.offset % 5 == 1 }.map(\.element)
            try importing(ledger, ExecutionCutoff(ejercicio: 2022, fechaCorte: "2022-06-30"), again, "junio-bis")
        }
        // Past three, one more import of a few lines each, on cut-offs that go back and forth (a year imported
        // entidad by entidad or file by file).
        for extra in 0..<max(0, snapshots - 3) {
            let some = lines(scale: Int64(11 + extra)).enumerated().filter { $0.offset % 7 == extra % 7 }
                .map(\.element)
            try importing(ledger, ExecutionCutoff(ejercicio: 2022, mes: 4 + extra % 5), some, "mas-\(extra)")
        }
        var older = march[0]
        older.key.ejercicio = 2021
        try importing(ledger, ExecutionCutoff(ejercicio: 2021, mes: 12), [older], "2021")
        try ledger.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE budget_line SET unidad_ejecutora = '' WHERE id = (SELECT min(id) FROM budget_line
                    WHERE entidad = '11130018' AND actividad = '002' AND ejercicio = 2022)
                    """)
            try db.execute(
                sql: """
                    UPDATE budget_line SET actividad = ? WHERE entidad = '11130016' AND unidad_ejecutora = '209'
                    AND actividad = '001'
                    """, arguments: ["\u{E9}"])
            try db.execute(
                sql: """
                    UPDATE budget_line SET actividad = ? WHERE entidad = '11130016' AND unidad_ejecutora = '209'
                    AND actividad = '002'
                    """, arguments: ["e\u{301}"])
        }
        return ledger
    }

    @Test("the same totals as SQLite's grouping", arguments: [1, 3, 8, 520])
    func sameAsSQL(snapshots: Int) throws {
        let ledger = try Self.ledger(snapshots: snapshots)
        for grouping in Self.groupings {
            for (entidad, unidad) in Self.filters {
                let query = ExecutionTotalsQuery(
                    ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, grouping: grouping)
                let (summed, reference) = try ledger.read { db in
                    (try Ledger.currentExecutionTotals(db, query), try ExecutionTotalsSQLReference.totals(db, query))
                }
                #expect(summed != nil)
                #expect(summed == reference, "\(grouping) \(entidad ?? "-") \(unidad ?? "-")")
            }
        }
    }

    @Test("groups are ordered byte by byte, and codes that differ only in their bytes stay apart")
    func byteOrder() throws {
        let ledger = try Self.ledger(snapshots: 3)
        let query = ExecutionTotalsQuery(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: "209", grouping: .actividad)
        let totals = try #require(try ledger.read { try Ledger.currentExecutionTotals($0, query) })
        #expect(totals.groups.map { $0.structure?.actividad.unicodeScalars.map(\.value) } == [[0x65, 0x301], [0xE9]])
        // An empty unidad ejecutora and an absent one are one activity.
        let entity = ExecutionTotalsQuery(
            ejercicio: 2022, entidad: "11130018", unidadEjecutora: nil, grouping: .actividad)
        let withoutUnits = try #require(try ledger.read { try Ledger.currentExecutionTotals($0, entity) })
        #expect(withoutUnits.groups.map(\.code) == ["11130018 · 11-00-000-001-000", "11130018 · 11-00-000-002-000"])
        #expect(withoutUnits.groups.map(\.name) == ["Actividad 2", nil])
    }

    @Test("a renglón that is no renglón is a group of its own; groups are then added up by the grupo column")
    func notARenglon() throws {
        let ledger = try Self.ledger(snapshots: 3)
        try ledger.writer.write { db in
            try db.execute(sql: "UPDATE budget_line SET renglon = 'A1' WHERE renglon = '029' AND entidad = '11130018'")
        }
        for grouping in Self.groupings {
            let query = ExecutionTotalsQuery(ejercicio: 2022, entidad: nil, unidadEjecutora: nil, grouping: grouping)
            let (summed, reference) = try ledger.read { db in
                (try Ledger.currentExecutionTotals(db, query), try ExecutionTotalsSQLReference.totals(db, query))
            }
            #expect(summed == reference)
        }
        let byRenglon = try #require(try ledger.currentExecutionTotals(ejercicio: 2022, by: .renglon))
        #expect(byRenglon.groups.map(\.code) == ["011", "029", "122", "261", "911", "A1"])
        let byGroup = try #require(try ledger.currentExecutionTotals(ejercicio: 2022, by: .grupo))
        let query = ExecutionTotalsQuery(ejercicio: 2022, entidad: nil, unidadEjecutora: nil, grouping: .grupo)
        #expect(try byGroup == ledger.read { try ExecutionTotalsSQLReference.totals($0, query) })
    }

    @Test("a sum beyond 64-bit centavos gives no totals, as SQLite's «integer overflow» did", arguments: [1, 3])
    func overflow(snapshots: Int) throws {
        let ledger = try Self.ledger(snapshots: snapshots)
        try ledger.writer.write { db in
            try db.execute(sql: "UPDATE budget_snapshot_line SET comprometido = 5000000000000000000")
        }
        for grouping in Self.groupings {
            let query = ExecutionTotalsQuery(ejercicio: 2022, entidad: nil, unidadEjecutora: nil, grouping: grouping)
            let (summed, reference) = try ledger.read { db in
                (try Ledger.currentExecutionTotals(db, query), try ExecutionTotalsSQLReference.totals(db, query))
            }
            #expect(summed == nil && reference == nil)
            #expect(try ledger.currentExecutionTotals(ejercicio: 2022, by: grouping) == nil)
        }
    }

    @Test("totals by structure and renglón: the same groups, in key order, as before", arguments: [1, 3])
    func byStructureSameAsSQL(snapshots: Int) throws {
        let ledger = try Self.ledger(snapshots: snapshots)
        try ledger.writer.write { db in
            try db.execute(sql: "UPDATE budget_line SET renglon = 'A1' WHERE renglon = '029' AND entidad = '11130018'")
        }
        for months in [false, true] {
            for (entidad, unidad) in Self.filters {
                let (summed, reference) = try ledger.read { db in
                    var summed: [BudgetLine] = []
                    try Ledger.forEachBudgetTotalByStructure(
                        db, ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, months: months
                    ) { summed.append($0) }
                    var reference: [BudgetLine] = []
                    try ExecutionTotalsSQLReference.forEachTotalByStructure(
                        db, ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, months: months
                    ) { reference.append($0) }
                    return (summed, reference)
                }
                #expect(summed == reference, "\(months) \(entidad ?? "-") \(unidad ?? "-")")
                #expect(!summed.isEmpty || entidad == "99999999")
            }
        }
    }
}
