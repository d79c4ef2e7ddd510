import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// The lines of a year new to the ledger are inserted ``ExecutionSink/batchSize`` at a time: the stored rows must
/// be the ones writing them one by one leaves.
struct ExecutionBatchLedgerTests {
    /// Line `index` of a file: distinct keys (by actividad), with or without organismo and correlativo, names,
    /// classification, months and modification parts varying from line to line.
    private static func line(_ index: Int) -> BudgetLine {
        let withFinancing = index % 3 == 0
        let key = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: index % 4 == 0 ? nil : "208", programa: "11",
            subprograma: "00", proyecto: "000", actividad: String(format: "%03d", index + 1), obra: "000",
            renglon: Renglon(rawValue: index % 2 == 0 ? "211" : "029")!, fuente: "11",
            organismo: withFinancing ? "0151" : nil, correlativo: withFinancing ? "0001" : nil,
            ubicacionGeografica: index % 5 == 0 ? nil : "0101")
        var months = MonthlyAmounts()
        if index % 7 != 0 {
            for month in 1...(index % 12 + 1) { months[month] = Money(centavos: Int64(index * 100 + month)) }
        }
        let parts =
            index % 2 == 0
            ? BudgetModifications(adiciones: Money(centavos: Int64(index)), disminuciones: .zero) : nil
        return BudgetLine(
            key: key,
            amounts: ExecutionAmounts(
                asignado: Money(centavos: Int64(1_000 + index)), modificado: Money(centavos: Int64(index)),
                vigente: Money(centavos: Int64(1_000 + 2 * index)),
                precomprometido: index % 6 == 0 ? nil : Money(centavos: 5),
                comprometido: Money(centavos: Int64(700 + index)), devengado: Money(centavos: Int64(600 + index)),
                pagado: Money(centavos: Int64(500 + index)), devengadoMensual: months, modificaciones: parts),
            classification: BudgetClassification(
                tipoPresupuesto: index % 2 == 0 ? "1" : nil, finalidad: "03", funcion: nil, division: nil,
                departamento: index % 3 == 0 ? "01" : nil, subgrupo: nil, region: nil),
            names: index % 4 == 1 ? [:] : ["entidad": "Ministerio de Educación", "renglon": "Línea \(index / 10)"],
            sourceLine: index + 2)
    }

    private static func source(_ sha: String) -> ImportSource {
        ImportSource(sourceKind: "ejecucion", fileName: "e-\(sha).csv", sha256: sha, bytes: 1)
    }

    /// Every stored column of the lines one import wrote, in file order, without the ids.
    private static func storedLines(_ ledger: Ledger, importedBy sha: String) throws -> [[DatabaseValue]] {
        try ledger.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT bl.*, bsl.* FROM budget_snapshot_line bsl JOIN budget_line bl ON bl.id = bsl.budget_line_id
                    JOIN budget_snapshot bs ON bs.id = bsl.budget_snapshot_id
                    JOIN import_run r ON r.id = bs.import_run_id WHERE r.sha256 = ? ORDER BY bsl.source_line
                    """, arguments: [sha]
            ).map { row in
                let ids: Set<String> = ["id", "budget_line_id", "budget_snapshot_id"]
                return zip(row.columnNames, row.databaseValues).filter { !ids.contains($0.0) }.map(\.1)
            }
        }
    }

    /// Writes lines through one import; returns the statements it ran.
    private static func write(_ lines: [BudgetLine], to ledger: Ledger, sha: String) throws -> Int {
        var statements = 0
        _ = try ledger.importing(source(sha), toolVersion: "t") { session in
            let sink = try session.execution()
            for line in lines { try sink.write(line) }
            try sink.close(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 12))
            statements = sink.statementsRun
            return .commit(ImportCounts(rowsRead: lines.count, rowsAccepted: lines.count))
        }
        return statements
    }

    /// An in-memory ledger whose one import holds one 2021 line.
    private static func ledgerWith2021Line() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        var old = line(0)
        old.key.ejercicio = 2021
        _ = try write([old], to: ledger, sha: "2021")
        return ledger
    }

    @Test("a new year's lines go in 32 to a statement and leave the rows that writing them one by one leaves")
    func batchesMatchOneByOne() throws {
        let lines = (0..<70).map(Self.line)
        // Given a ledger without 2022 (batches) and one where 2022 already has a line (one by one, after a lookup)
        let batched = try Ledger.inMemory()
        let oneByOne = try Ledger.inMemory()
        var earlier = Self.line(900)
        earlier.sourceLine = 2
        _ = try Self.write([earlier], to: oneByOne, sha: "earlier")

        // When the same 70 lines are written to both
        let batchedStatements = try Self.write(lines, to: batched, sha: "a")
        let oneByOneStatements = try Self.write(lines, to: oneByOne, sha: "a")

        // Then two full batches take two statements each and the 6 left over two each; one by one takes three each
        #expect(batchedStatements == 2 * 2 + 6 * 2)
        #expect(oneByOneStatements == 70 * 3)
        // And every stored value is the same, each amount row pointing at the line with its own key
        let rows = try Self.storedLines(batched, importedBy: "a")
        #expect(rows.count == 70)
        let oneByOneRows = try Self.storedLines(oneByOne, importedBy: "a")
        #expect(rows == oneByOneRows)
        let storedKeys = Set(try batched.currentBudgetLines(ejercicio: 2022).map(\.key))
        #expect(storedKeys == Set(lines.map(\.key)))
        let ids: [[Int64]] = try batched.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT budget_line_id, source_line FROM budget_snapshot_line ORDER BY id")
                .map { row -> [Int64] in [row[0], row[1]] }
        }
        let expected: [[Int64]] = (0..<70).map { index in [Int64(index + 1), Int64(index + 2)] }
        #expect(ids == expected)
    }

    @Test("a line of a known year written after new-year lines still gets its id after theirs")
    func keptLinesGoFirst() throws {
        // Given a ledger with a 2021 line
        let ledger = try Self.ledgerWith2021Line()
        // When one import writes three 2022 lines (kept for a batch) and then a new 2021 line
        var later = Self.line(5)
        later.key.ejercicio = 2021
        later.sourceLine = 10
        _ = try Self.write((0..<3).map(Self.line) + [later], to: ledger, sha: "mixed")
        // Then ids follow the file's order
        let order = try ledger.writer.read { db in
            try Int.fetchAll(
                db,
                sql: "SELECT source_line FROM budget_snapshot_line WHERE budget_snapshot_id = 2 ORDER BY budget_line_id"
            )
        }
        #expect(order == [2, 3, 4, 10])
    }

    @Test("texts bound in place across the arena's chunks, and one too long for a chunk, are stored as written")
    func longTextsInBatches() throws {
        // Given 64 lines (two batches) whose names fill several 64 KiB chunks, one of them longer than a chunk
        let lines = (0..<64).map { index -> BudgetLine in
            var line = Self.line(index)
            let length = index == 40 ? BoundTextArena.chunkSize + 10 : 9_000 + index
            line.names = ["entidad": String(repeating: "Ñ", count: length / 2) + "\(index)"]
            return line
        }
        let batched = try Ledger.inMemory()
        let oneByOne = try Ledger.inMemory()
        var earlier = Self.line(900)
        earlier.sourceLine = 2
        _ = try Self.write([earlier], to: oneByOne, sha: "earlier")
        // When they are written in batches to one ledger and one by one (texts copied by SQLite) to the other
        _ = try Self.write(lines, to: batched, sha: "a")
        _ = try Self.write(lines, to: oneByOne, sha: "a")
        // Then both hold the same values, and each line's names are its own
        let batchedRows = try Self.storedLines(batched, importedBy: "a")
        let oneByOneRows = try Self.storedLines(oneByOne, importedBy: "a")
        #expect(batchedRows == oneByOneRows)
        let stored: [String] = try batched.currentBudgetLines(ejercicio: 2022).compactMap { $0.names["entidad"] }
        let written: [String] = lines.compactMap { $0.names["entidad"] }
        #expect(Set(stored) == Set(written))
        #expect(stored.count == 64)
    }

    @Test("a batch that fails halfway (a key twice) leaves nothing of the import, and what was there before stays")
    func failedBatchUndoesTheImport() throws {
        // Given a ledger with a 2021 line
        let ledger = try Self.ledgerWith2021Line()
        // When an import of a new year hands the sink a key twice (the reader never does), so the first batch's
        // insert fails at its 21st row, after 20 rows went in (OR FAIL keeps them until the transaction is undone)
        var lines = (0..<40).map(Self.line)
        lines[20].key = lines[5].key
        #expect(throws: (any Error).self) { try Self.write(lines, to: ledger, sha: "broken") }
        // Then only the 2021 import is in the ledger
        let counts: [Int] = try ledger.writer.read { db in
            try ["budget_line", "budget_snapshot_line", "budget_snapshot", "import_run"].map { table in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
        }
        #expect(counts == [1, 1, 1, 1])
        #expect(try ledger.currentBudgetLines(ejercicio: 2022).isEmpty)
    }
}
