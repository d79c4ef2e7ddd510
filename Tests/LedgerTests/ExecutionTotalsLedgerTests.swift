import Domain
import Foundation
import Ledger
import Testing

/// Execution added up by SQLite: by activity, the groups, their sums and the name their lines print.
struct ExecutionTotalsLedgerTests {
    private static func line(
        unidad: String?, actividad: String, renglon: String, devengado: Int64, name: String?
    ) -> BudgetLine {
        let key = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: unidad, programa: "11", subprograma: "00",
            proyecto: "000", actividad: actividad, obra: "000", renglon: Renglon(rawValue: renglon)!, fuente: "11",
            ubicacionGeografica: "0101")
        return BudgetLine(
            key: key,
            amounts: ExecutionAmounts(
                asignado: Money(quetzales: devengado * 2), modificado: .zero, vigente: Money(quetzales: devengado * 2),
                devengado: Money(quetzales: devengado), pagado: Money(quetzales: devengado),
                devengadoMensual: [3: Money(quetzales: devengado)]),
            names: name.map { ["actividad": $0] } ?? [:], sourceLine: 1)
    }

    @Test("by activity: one group per structure, its lines added up, the first name its lines print in key order")
    func byActivity() throws {
        let ledger = try Ledger.inMemory()
        let lines = [
            // Activity 001: in key order 122 (no name), 211 (empty name), 261 ("Primero"), 291 ("Segundo").
            Self.line(unidad: "208", actividad: "001", renglon: "291", devengado: 7, name: "Segundo"),
            Self.line(unidad: "208", actividad: "001", renglon: "211", devengado: 100, name: ""),
            Self.line(unidad: "208", actividad: "001", renglon: "261", devengado: 30, name: "Primero"),
            Self.line(unidad: "208", actividad: "001", renglon: "122", devengado: 50, name: nil),
            // Activity 002 of an entity without unidad ejecutora.
            Self.line(unidad: nil, actividad: "002", renglon: "211", devengado: 10, name: "Hogares"),
        ]
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 6), lines: lines),
            source: ImportSource(sourceKind: "ejecucion", fileName: "e.csv", sha256: "e", bytes: 1), toolVersion: "t",
            rowsRead: lines.count)
        let totals = try #require(try ledger.currentExecutionTotals(ejercicio: 2022, by: .actividad))
        #expect(totals.lines == 5 && totals.linesWithoutMonths == 0)
        let byLabel = Dictionary(uniqueKeysWithValues: totals.groups.map { ($0.code, $0) })
        let first = try #require(byLabel["11130016-208 · 11-00-000-001-000"])
        #expect(first.amounts.devengado == Money(quetzales: 187))
        #expect(first.amounts.vigente == Money(quetzales: 374))
        #expect(first.amounts.devengadoMensual == [3: Money(quetzales: 187)])
        #expect(first.name == "Primero")
        #expect(first.structure?.actividad == "001")
        let second = try #require(byLabel["11130016 · 11-00-000-002-000"])
        #expect(second.amounts.devengado == Money(quetzales: 10) && second.name == "Hogares")
        #expect(second.structure?.unidadEjecutora == nil)
        #expect(totals.groups.count == 2)
    }
}
