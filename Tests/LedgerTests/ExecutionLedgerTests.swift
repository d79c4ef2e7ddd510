import Domain
import Foundation
import Ledger
import TestSupport
import Testing

struct ExecutionLedgerTests {
    private static let key = BudgetKey(
        ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
        proyecto: "000",
        actividad: "001", obra: "000", renglon: Renglon(rawValue: "211") ?? Renglon(rawValue: "000")!, fuente: "11",
        ubicacionGeografica: "0101")

    private func snapshot(mes: Int?, devengado: Int64, renglon: String = "211") -> ExecutionSnapshot {
        var key = Self.key
        key.renglon = Renglon(rawValue: renglon)!
        return ExecutionSnapshot(
            cutoff: ExecutionCutoff(ejercicio: 2022, mes: mes),
            lines: [
                BudgetLine(
                    key: key,
                    amounts: ExecutionAmounts(
                        asignado: Money(quetzales: 1000), modificado: .zero, vigente: Money(quetzales: 1000),
                        comprometido: Money(quetzales: devengado), devengado: Money(quetzales: devengado),
                        pagado: Money(quetzales: devengado), devengadoMensual: [1: Money(quetzales: devengado)]),
                    names: ["renglon": "Alimentos para personas"], sourceLine: 3)
            ])
    }

    private func source(_ sha: String) -> ImportSource {
        ImportSource(sourceKind: "ejecucion", fileName: "e.csv", sha256: sha, bytes: 1)
    }

    @Test("a later cut-off supersedes an earlier one for the same line and the history is kept")
    func supersede() throws {
        // Given a ledger with April's execution
        let ledger = try Ledger.inMemory()
        _ = try ledger.importExecution(
            snapshot(mes: 4, devengado: 300), source: source("abril"), toolVersion: "t", rowsRead: 1)
        // When August arrives, and then April again from a corrected file
        _ = try ledger.importExecution(
            snapshot(mes: 8, devengado: 700), source: source("agosto"), toolVersion: "t", rowsRead: 1)
        _ = try ledger.importExecution(
            snapshot(mes: 4, devengado: 350), source: source("abril-2"), toolVersion: "t", rowsRead: 1)
        // Then the current state is August's, and all three cut-offs are in the history
        let current = try ledger.currentBudgetLines(ejercicio: 2022)
        #expect(current.count == 1)
        #expect(current.first?.amounts.devengado == Money(quetzales: 700))
        #expect(current.first?.amounts.devengadoMensual == [1: Money(quetzales: 700)])
        #expect(current.first?.names["renglon"] == "Alimentos para personas")
        let history = try ledger.budgetLineHistory(Self.key)
        #expect(history.map(\.cutoff.mes) == [4, 4, 8])
        #expect(history.map(\.amounts.devengado) == [300, 350, 700].map(Money.init(quetzales:)))
    }

    @Test("each line streams in key order with its latest cut-off, and a later import of the same cut-off wins")
    func currentLinesInKeyOrder() throws {
        let ledger = try Ledger.inMemory()
        var april = snapshot(mes: 4, devengado: 300)
        april.lines += snapshot(mes: 4, devengado: 20, renglon: "029").lines
        var august = snapshot(mes: 8, devengado: 700)
        august.lines += snapshot(mes: 8, devengado: 50, renglon: "122").lines
        _ = try ledger.importExecution(april, source: source("abril"), toolVersion: "t", rowsRead: 2)
        _ = try ledger.importExecution(august, source: source("agosto"), toolVersion: "t", rowsRead: 2)
        // A corrected August file: same cut-off, imported later, so its amounts are the current ones.
        august.lines[0].amounts.devengado = Money(quetzales: 710)
        _ = try ledger.importExecution(august, source: source("agosto-2"), toolVersion: "t", rowsRead: 2)
        var streamed: [(renglon: String, mes: Int?, devengado: Money)] = []
        try ledger.forEachCurrentBudgetLine(ejercicio: 2022) { line, cutoff in
            streamed.append((line.key.renglon.rawValue, cutoff.mes, line.amounts.devengado))
        }
        #expect(streamed.map(\.renglon) == ["029", "122", "211"])
        #expect(streamed.map(\.mes) == [4, 8, 8])
        #expect(streamed.map(\.devengado) == [20, 50, 710].map(Money.init(quetzales:)))
    }

    @Test("re-importing the same file changes nothing; a new line in a later file is added")
    func idempotent() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importExecution(
            snapshot(mes: 4, devengado: 300), source: source("a"), toolVersion: "t", rowsRead: 1)
        let again = try ledger.importExecution(
            snapshot(mes: 4, devengado: 300), source: source("a"), toolVersion: "t", rowsRead: 1)
        guard case .alreadyImported = again else {
            Issue.record("same sha256 must be a no-op")
            return
        }
        let other = try ledger.importExecution(
            snapshot(mes: 5, devengado: 10, renglon: "029"), source: source("b"), toolVersion: "t", rowsRead: 1)
        guard case .imported(_, let counts) = other else {
            Issue.record("a new file must import")
            return
        }
        #expect(counts.inserted == 1)
        #expect(try ledger.currentBudgetLines(ejercicio: 2022).count == 2)
        #expect(try ledger.executionCutoffs(ejercicio: 2022).map(\.mes) == [4, 5])
    }

    @Test("link evidence is stored and found by NOG")
    func evidence() throws {
        let ledger = try Ledger.inMemory()
        let rows = [
            LinkEvidence(
                kind: .insumo, ejercicio: 2022, nog: "16740804", programa: "11", actividad: "001",
                renglon: Renglon(rawValue: "211"), monto: Money(quetzales: 10), fecha: "2022-07-12", sourceLine: 2),
            LinkEvidence(
                kind: .cur, ejercicio: 2022, nog: "17121890", noCur: "12", monto: Money(quetzales: 5), sourceLine: 3),
        ]
        _ = try ledger.importLinkEvidence(
            rows, source: ImportSource(sourceKind: "vinculos", fileName: "v", sha256: "v", bytes: 1),
            toolVersion: "t", rowsRead: 2)
        #expect(try ledger.linkEvidence(ejercicio: 2022) == rows)
        #expect(try ledger.linkEvidence(nog: "16740804").map(\.sourceLine) == [2])
    }
}
