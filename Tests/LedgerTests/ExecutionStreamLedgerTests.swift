import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// The streamed execution import: lines written as they come, inside one transaction.
struct ExecutionStreamLedgerTests {
    private struct ReaderFailed: Error {}

    private static func line(_ renglon: String, sourceLine: Int) -> BudgetLine {
        BudgetLine(
            key: BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000", actividad: "001", obra: "000", renglon: Renglon(rawValue: renglon)!, fuente: "11",
                ubicacionGeografica: "0101"),
            amounts: ExecutionAmounts(
                asignado: Money(quetzales: 100), modificado: .zero, vigente: Money(quetzales: 100),
                devengado: Money(quetzales: 50), pagado: Money(quetzales: 40)),
            names: [:], sourceLine: sourceLine)
    }

    private static let source = ImportSource(sourceKind: "ejecucion", fileName: "e.csv", sha256: "s", bytes: 1)

    @Test("lines handed to the sink are written under one import run, with the cut-off known only at the end")
    func streamed() throws {
        let ledger = try Ledger.inMemory()
        let outcome = try ledger.importing(Self.source, toolVersion: "t") { session in
            let sink = try session.execution()
            try sink.write(Self.line("211", sourceLine: 2))
            try sink.write(Self.line("029", sourceLine: 3))
            try sink.close(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 4))
            return .commit(ImportCounts(rowsRead: 3, rowsAccepted: 2, rowsRejected: 1))
        }
        guard case .imported(let run, let counts) = outcome else {
            Issue.record("a new file must import")
            return
        }
        #expect(counts.rowsAccepted == 2 && counts.inserted == 2 && counts.rowsRead == 3 && counts.rowsRejected == 1)
        #expect(run.rowsAccepted == 2)
        #expect(try ledger.currentBudgetLines(ejercicio: 2022).map(\.key.renglon.rawValue) == ["029", "211"])
        #expect(try ledger.executionCutoffs(ejercicio: 2022) == [ExecutionCutoff(ejercicio: 2022, mes: 4)])
    }

    @Test("when the file turns out not importable after some lines were written, nothing is kept")
    func declinedWritesNothing() throws {
        let ledger = try Ledger.inMemory()
        let outcome = try ledger.importing(Self.source, toolVersion: "t") { session in
            try session.execution().write(Self.line("211", sourceLine: 2))
            return .rollback(ImportCounts(rowsRead: 1))
        }
        guard case .rolledBack(let counts) = outcome else {
            Issue.record("a declined import must roll back")
            return
        }
        #expect(counts.inserted == 1, "the counts still say what the import would have done")
        #expect(try ledger.currentBudgetLines(ejercicio: 2022).isEmpty)
        #expect(try ledger.importRuns().isEmpty)
        #expect(try ledger.executionCutoffs(ejercicio: 2022).isEmpty)
    }

    @Test("when the reader fails after some lines were written, nothing is kept")
    func failureWritesNothing() throws {
        let ledger = try Ledger.inMemory()
        #expect(throws: ReaderFailed.self) {
            try ledger.importing(Self.source, toolVersion: "t") { session in
                try session.execution().write(Self.line("211", sourceLine: 2))
                throw ReaderFailed()
            }
        }
        #expect(try ledger.currentBudgetLines(ejercicio: 2022).isEmpty)
        #expect(try ledger.importRuns().isEmpty)
        #expect(try ledger.executionCutoffs(ejercicio: 2022).isEmpty)
    }
}
