import Checks
import Domain
import Foundation
import Ledger
import TestSupport
import Testing

struct ExecutionVigenteMatchesProductsCheckTests {
    private func line(actividad: String, renglon: String, vigente: Int64) -> BudgetLine {
        BudgetLine(
            key: BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000", actividad: actividad, obra: "000", renglon: Renglon(rawValue: renglon)!, fuente: "11",
                ubicacionGeografica: "0101"),
            amounts: ExecutionAmounts(
                asignado: Money(quetzales: vigente), modificado: .zero, vigente: Money(quetzales: vigente),
                devengado: .zero, pagado: .zero),
            sourceLine: 2)
    }

    private func run(lines: [BudgetLine]) throws -> CheckResult {
        let ledger = try Ledger.inMemory()
        let metas = Metas(products: [
            SampleValues.product("P02", quetzales: 1000, actividad: "001"),
            SampleValues.product("P03", quetzales: 500, actividad: "002"),
        ])
        _ = try ledger.importMetas(
            metas, source: ImportSource(sourceKind: "metas", fileName: "m", sha256: "m", bytes: 1), toolVersion: "t",
            rowsRead: 2)
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022), lines: lines),
            source: ImportSource(sourceKind: "ejecucion", fileName: "e", sha256: "e", bytes: 1), toolVersion: "t",
            rowsRead: lines.count)
        return try ExecutionVigenteMatchesProductsCheck().run(on: ledger, scope: CheckScope(ejercicio: 2022))
    }

    @Test("passes when each activity's vigente equals its product's presupuesto vigente")
    func passes() throws {
        let result = try run(lines: [
            line(actividad: "001", renglon: "011", vigente: 600), line(actividad: "001", renglon: "211", vigente: 400),
            line(actividad: "002", renglon: "295", vigente: 500),
        ])
        #expect(result.passed && result.findings.isEmpty && result.examined == 2)
    }

    @Test("fails naming the product, both amounts and the difference")
    func fails() throws {
        let result = try run(lines: [
            line(actividad: "001", renglon: "011", vigente: 600), line(actividad: "001", renglon: "211", vigente: 450),
            line(actividad: "002", renglon: "295", vigente: 500), line(actividad: "009", renglon: "911", vigente: 1),
        ])
        #expect(!result.passed)
        let error = try #require(result.findings.first { $0.severity == .error })
        #expect(
            error.message
                == "«Producto P02»: la ejecución suma Q1,050.00 de vigente y las metas dicen Q1,000.00 (diferencia Q50.00)"
        )
        #expect(result.findings.contains { $0.severity == .warning && $0.message.contains("11-00-000-009-000") })
    }
}
