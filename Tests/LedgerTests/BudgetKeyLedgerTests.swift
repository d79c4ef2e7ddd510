import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

struct BudgetKeyLedgerTests {
    /// A municipal line: no unidad ejecutora, financing 31-0151-<correlativo>.
    private static func line(
        correlativo: String?, organismo: String? = "0151", vigente: Int64 = 1000, devengado: Int64 = 400
    )
        -> BudgetLine
    {
        BudgetLine(
            key: BudgetKey(
                ejercicio: 2023, entidad: "12100401", unidadEjecutora: nil, programa: "11", subprograma: "00",
                proyecto: "000", actividad: "002", obra: "000", renglon: Renglon(rawValue: "015")!, fuente: "31",
                organismo: organismo, correlativo: correlativo, ubicacionGeografica: nil),
            amounts: ExecutionAmounts(
                asignado: Money(quetzales: vigente), modificado: .zero, vigente: Money(quetzales: vigente),
                devengado: Money(quetzales: devengado), pagado: Money(quetzales: devengado),
                devengadoMensual: [1: Money(quetzales: devengado)]),
            classification: BudgetClassification(finalidad: "4", funcion: "3", subgrupo: "010"),
            names: ["renglon": "COMPLEMENTOS ESPECÍFICOS AL PERSONAL PERMANENTE"], sourceLine: 2)
    }

    private func source(_ sha: String) -> ImportSource {
        ImportSource(sourceKind: "ejecucion", fileName: "\(sha).json", sha256: sha, bytes: 1)
    }

    private func snapshot(mes: Int?, _ lines: [BudgetLine]) -> ExecutionSnapshot {
        ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2023, mes: mes), lines: lines)
    }

    @Test("lines that differ only in correlativo or organismo are distinct lines; absent codes are stored as NULL")
    func distinctLines() throws {
        let ledger = try Ledger.inMemory()
        let lines = [
            Self.line(correlativo: "0001"), Self.line(correlativo: "0002"),
            Self.line(correlativo: "0001", organismo: "0152"),
            Self.line(correlativo: nil, organismo: nil),
        ]
        _ = try ledger.importExecution(snapshot(mes: 6, lines), source: source("a"), toolVersion: "t", rowsRead: 4)
        let current = try ledger.currentBudgetLines(ejercicio: 2023)
        #expect(current.map(\.key) == lines.map(\.key).sorted())
        #expect(current.first?.classification == BudgetClassification(finalidad: "4", funcion: "3", subgrupo: "010"))
        let nulls = try ledger.writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS lines, SUM(unidad_ejecutora IS NULL) AS sin_unidad, SUM(organismo IS NULL) AS sin_organismo,
                    SUM(ubicacion_geografica IS NULL) AS sin_ubicacion FROM budget_line
                    """)
        }
        let counts: [Int] = ["lines", "sin_unidad", "sin_organismo", "sin_ubicacion"].map { nulls?[$0] ?? -1 }
        #expect(counts == [4, 4, 1, 4])
        // The unique index treats an absent code as one value: the same key twice is still one line.
        let again = try ledger.importExecution(
            snapshot(mes: 7, [Self.line(correlativo: nil, organismo: nil, devengado: 500)]),
            source: source("b"), toolVersion: "t", rowsRead: 1)
        guard case .imported(_, let counts) = again else {
            Issue.record("must import")
            return
        }
        #expect(counts.inserted == 0 && counts.updated == 1)
        #expect(try ledger.currentBudgetLines(ejercicio: 2023).count == 4)
    }

    @Test("a later cut-off supersedes an earlier one with the longer key; history is kept per correlativo")
    func supersession() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importExecution(
            snapshot(mes: 6, [Self.line(correlativo: "0001"), Self.line(correlativo: "0002")]),
            source: source("junio"), toolVersion: "t", rowsRead: 2)
        _ = try ledger.importExecution(
            snapshot(
                mes: 12,
                [Self.line(correlativo: "0001", devengado: 900), Self.line(correlativo: "0002", devengado: 800)]),
            source: source("diciembre"), toolVersion: "t", rowsRead: 2)
        let current = try ledger.currentBudgetLines(ejercicio: 2023)
        #expect(current.map(\.amounts.devengado) == [Money(quetzales: 900), Money(quetzales: 800)])
        #expect(
            try ledger.budgetLineHistory(Self.line(correlativo: "0002").key).map(\.amounts.devengado)
                == [Money(quetzales: 400), Money(quetzales: 800)])
    }

    @Test("the same lines and amounts again (another format of the same file) add no snapshot")
    func repeatedSnapshot() throws {
        let ledger = try Ledger.inMemory()
        let lines = [Self.line(correlativo: "0001"), Self.line(correlativo: "0002")]
        _ = try ledger.importExecution(snapshot(mes: 12, lines), source: source("csv"), toolVersion: "t", rowsRead: 2)
        let xlsx = try ledger.importExecution(
            snapshot(mes: 12, lines), source: source("xlsx"), toolVersion: "t", rowsRead: 2)
        guard case .imported(_, let counts) = xlsx else {
            Issue.record("a new file must be recorded")
            return
        }
        #expect(counts.unchanged == 2)
        #expect(try ledger.executionCutoffs(ejercicio: 2023).count == 1)
        #expect(try ledger.budgetLineHistory(lines[0].key).count == 1)
        // A different month or different amounts are a new snapshot.
        var changed = lines
        changed[1].amounts.devengadoMensual = [1: Money(quetzales: 300), 2: Money(quetzales: 100)]
        _ = try ledger.importExecution(
            snapshot(mes: 12, changed), source: source("otro"), toolVersion: "t", rowsRead: 2)
        #expect(try ledger.executionCutoffs(ejercicio: 2023).count == 2)
        #expect(
            try ledger.existingRun(sourceKind: "ejecucion", sha256: "xlsx") != nil,
            "the file is still recorded as imported")
    }

    @Test(
        "a ledger written before v6-budget-key stays readable: lines keep their ids and amounts, empty codes become absent"
    )
    func migratesV5() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v5-execution-links")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_run (id, source_kind, file_name, sha256, bytes, started_at, finished_at, rows_read,
                        rows_accepted, rows_rejected, tool_version) VALUES (1, 'ejecucion', 'e.csv', 'x', 1, '2023-01-01', '2023-01-01', 2, 2, 0, 't');
                    INSERT INTO budget_snapshot (id, import_run_id, ejercicio, mes, corte, lines) VALUES (1, 1, 2022, NULL, '2022-12-31', 2);
                    INSERT INTO budget_line (id, ejercicio, entidad, unidad_ejecutora, programa, subprograma, proyecto, actividad, obra,
                        renglon, fuente, ubicacion_geografica, grupo, nombres)
                    VALUES (7, 2022, '11130016', '208', '11', '00', '000', '001', '000', '211', '11', '0101', '200', '{"renglon":"Alimentos"}'),
                           (9, 2022, '12100401', '', '01', '00', '000', '001', '000', '011', '', '', '000', '{}');
                    INSERT INTO budget_snapshot_line (budget_snapshot_id, budget_line_id, source_line, asignado, modificado, vigente,
                        devengado, pagado) VALUES (1, 7, 3, 100, 0, 100, 50, 40), (1, 9, 4, 200, 0, 200, 150, 100);
                    """)
        }
        let ledger = try Ledger(writer: queue, path: ":memory:")
        #expect(try ledger.appliedMigrations().contains("v6-budget-key"))
        let lines = try ledger.currentBudgetLines(ejercicio: 2022)
        #expect(lines.count == 2)
        let central = try #require(lines.first { $0.key.structure.entidad == "11130016" })
        #expect(
            central.key.structure.unidadEjecutora == "208" && central.key.fuente == "11" && central.key.organismo == nil
        )
        #expect(central.names["renglon"] == "Alimentos" && central.amounts.vigente == Money(centavos: 100))
        let municipal = try #require(lines.first { $0.key.structure.entidad == "12100401" })
        #expect(
            municipal.key.structure.unidadEjecutora == nil && municipal.key.fuente == nil
                && municipal.key.ubicacionGeografica == nil)
        #expect(municipal.key.label == "2022 12100401 · 01-00-000-001-000 · renglón 011")
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_key_check") } == nil)
    }
}
