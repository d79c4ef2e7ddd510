import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

/// Monthly devengado as twelve columns of the snapshot line (migration v10-monthly-columns), and the work an
/// execution import does per line.
struct MonthlyColumnsLedgerTests {
    private static func line(_ renglon: String, sourceLine: Int, months: MonthlyAmounts) -> BudgetLine {
        BudgetLine(
            key: BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000", actividad: "001", obra: "000", renglon: Renglon(rawValue: renglon)!, fuente: "11",
                ubicacionGeografica: "0101"),
            amounts: ExecutionAmounts(
                asignado: Money(quetzales: 100), modificado: .zero, vigente: Money(quetzales: 100),
                devengado: Money(quetzales: 50), pagado: Money(quetzales: 40), devengadoMensual: months),
            names: ["renglon": "Alimentos para personas"], sourceLine: sourceLine)
    }

    private static func source(_ sha: String) -> ImportSource {
        ImportSource(sourceKind: "ejecucion", fileName: "e-\(sha).csv", sha256: sha, bytes: 1)
    }

    @Test("a ledger whose months are rows keeps them when the months become columns, and still reads the rows")
    func migratesMonthRows() throws {
        // Given a ledger at v8 with one snapshot line and three months as rows
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v8-execution-modifications")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_run (source_kind, file_name, sha256, bytes, started_at, finished_at, rows_read,
                        rows_accepted, rows_rejected, tool_version)
                    VALUES ('ejecucion', 'e.csv', 'x', 1, '2023-01-01', '2023-01-01', 1, 1, 0, 't');
                    INSERT INTO budget_snapshot (import_run_id, ejercicio, mes, corte, lines) VALUES (1, 2022, 3, '2022-03-31', 1);
                    INSERT INTO budget_line (ejercicio, entidad, programa, subprograma, proyecto, actividad, obra, renglon,
                        grupo, nombres) VALUES (2022, '11130016', '11', '00', '000', '001', '000', '211', '200', '{}');
                    INSERT INTO budget_snapshot_line (budget_snapshot_id, budget_line_id, source_line, asignado, modificado,
                        vigente, devengado, pagado) VALUES (1, 1, 2, 1000, 0, 1000, 600, 500);
                    INSERT INTO budget_snapshot_month (budget_snapshot_line_id, mes, devengado) VALUES (1, 1, 100), (1, 2, 200), (1, 3, 300);
                    """)
        }
        // When the ledger opens with this version
        let ledger = try Ledger(writer: queue, path: ":memory:")
        // Then the months are the line's, and the old table's name reads the same rows
        let lines = try ledger.currentBudgetLines(ejercicio: 2022)
        #expect(
            lines.map(\.amounts.devengadoMensual) == [
                [1: Money(centavos: 100), 2: Money(centavos: 200), 3: Money(centavos: 300)]
            ])
        let rows = try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT budget_snapshot_line_id, mes, devengado FROM budget_snapshot_month ORDER BY mes")
        }
        #expect(
            rows.map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] } == [[1, 1, 100], [1, 2, 200], [1, 3, 300]])
    }

    @Test("months round-trip through the columns, months not given stay absent")
    func roundTrip() throws {
        let ledger = try Ledger.inMemory()
        let months: MonthlyAmounts = [1: Money(quetzales: 10), 7: Money(quetzales: 40)]
        _ = try ledger.importing(Self.source("a"), toolVersion: "t") { session in
            let sink = try session.execution()
            try sink.write(Self.line("211", sourceLine: 2, months: months))
            try sink.write(Self.line("029", sourceLine: 3, months: [:]))
            try sink.close(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 7))
            return .commit(ImportCounts(rowsRead: 2, rowsAccepted: 2))
        }
        let lines = try ledger.currentBudgetLines(ejercicio: 2022)
        #expect(lines.map(\.amounts.devengadoMensual) == [[:], months])
        let withoutMonths = try ledger.linesWithoutMonths(ejercicio: 2022)
        #expect(withoutMonths.without == 1 && withoutMonths.total == 2)
    }

    @Test("a line of a year new to the ledger costs two statements, a known line four")
    func statementsPerLine() throws {
        let ledger = try Ledger.inMemory()
        var counts: [Int] = []
        for sha in ["a", "b"] {
            _ = try ledger.importing(Self.source(sha), toolVersion: "t") { session in
                let sink = try session.execution()
                for (index, renglon) in ["211", "029", "122"].enumerated() {
                    try sink.write(Self.line(renglon, sourceLine: index + 2, months: [1: Money(quetzales: 50)]))
                }
                try sink.close(cutoff: ExecutionCutoff(ejercicio: 2022, mes: sha == "a" ? 1 : 2))
                // Counted after close: a new year's lines wait there for a full batch (see ExecutionBatchLedgerTests).
                counts.append(sink.statementsRun)
                return .commit(ImportCounts(rowsRead: 3, rowsAccepted: 3))
            }
        }
        // A year without lines: insert line + insert amounts (months included), no lookup; a known line: find +
        // its current amounts + names + amounts.
        #expect(counts == [6, 12])
    }

    @Test("the same cut-off imported again from another file is recognized by its amounts and months")
    func repeatedSnapshotComparesMonths() throws {
        let ledger = try Ledger.inMemory()
        var repeated: [Bool] = []
        for (sha, month) in [("a", 10), ("b", 10), ("c", 20)] {
            _ = try ledger.importing(Self.source(sha), toolVersion: "t") { session in
                let sink = try session.execution()
                try sink.write(Self.line("211", sourceLine: 2, months: [1: Money(quetzales: Int64(month))]))
                try sink.close(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 1))
                repeated.append(sink.repeatedSnapshot)
                return .commit(ImportCounts(rowsRead: 1, rowsAccepted: 1))
            }
        }
        #expect(repeated == [false, true, false])
    }
}
