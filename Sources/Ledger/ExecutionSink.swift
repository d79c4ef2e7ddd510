import Domain
import Foundation
import GRDB

/// Receives budget lines one at a time inside an execution import's single transaction and writes each
/// under the import's cut-off.
///
/// An importer streams into it (one row read, one line written), so memory stays bounded whatever the
/// file's size. It is only valid inside the import's ``ImportSession``.
public final class ExecutionSink {
    private let db: Database
    private let importRunID: Int64
    /// The ledger's path, for errors.
    private let path: String
    /// The import's `budget_snapshot` row, created with the first line: the cut-off's month may come from the
    /// rows, so it is only final at ``close(cutoff:)``.
    private var snapshot: BudgetSnapshotRecord?
    /// How many budget lines were new, updated or unchanged.
    public private(set) var keyCounts = ImportCounts()
    /// Lines written.
    public private(set) var linesWritten = 0
    // Cached statements: a national file has hundreds of thousands of lines and 12 months each.
    private let findLine: Statement
    private let insertLine: Statement
    private let updateNames: Statement
    private let insertAmounts: Statement
    private let insertMonth: Statement

    init(db: Database, importRunID: Int64, path: String) throws {
        self.db = db
        self.path = path
        self.importRunID = importRunID
        findLine = try db.cachedStatement(sql: """
            SELECT id, nombres FROM budget_line WHERE ejercicio = ? AND entidad = ? AND unidad_ejecutora = ?
            AND programa = ? AND subprograma = ? AND proyecto = ? AND actividad = ? AND obra = ? AND renglon = ?
            AND fuente = ? AND ubicacion_geografica = ?
            """)
        insertLine = try db.cachedStatement(sql: """
            INSERT INTO budget_line (ejercicio, entidad, unidad_ejecutora, programa, subprograma, proyecto, actividad,
            obra, renglon, fuente, ubicacion_geografica, grupo, nombres) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateNames = try db.cachedStatement(sql: "UPDATE budget_line SET nombres = ? WHERE id = ?")
        insertAmounts = try db.cachedStatement(sql: """
            INSERT INTO budget_snapshot_line (budget_snapshot_id, budget_line_id, source_line, asignado, modificado,
            vigente, precomprometido, comprometido, devengado, pagado) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertMonth = try db.cachedStatement(sql: """
            INSERT INTO budget_snapshot_month (budget_snapshot_line_id, mes, devengado) VALUES (?, ?, ?)
            """)
    }

    /// Writes one line's amounts at the cut-off, creating the budget line the first time its key is seen.
    public func write(_ line: BudgetLine) throws {
        let snapshotID = try snapshotID(ejercicio: line.key.ejercicio)
        let key = line.key
        let keyArguments: StatementArguments = [
            key.ejercicio, key.structure.entidad, key.structure.unidadEjecutora, key.structure.programa,
            key.structure.subprograma, key.structure.proyecto, key.structure.actividad, key.structure.obra,
            key.renglon.rawValue, key.fuente, key.ubicacionGeografica,
        ]
        let lineID: Int64
        if let existing = try Row.fetchOne(findLine, arguments: keyArguments) {
            lineID = existing["id"]
            let previous = try Ledger.currentAmounts(db, lineID: lineID)
            keyCounts.tally(existing: previous == nil ? nil : previous == line.amounts)
            if !line.names.isEmpty {
                try updateNames.execute(arguments: [BudgetLineRecord.encode(line.names), lineID])
            }
        } else {
            keyCounts.tally(existing: nil)
            try insertLine.execute(arguments: keyArguments + [key.renglon.grupo.rawValue, BudgetLineRecord.encode(line.names)])
            lineID = db.lastInsertedRowID
        }
        let a = line.amounts
        try insertAmounts.execute(arguments: [
            snapshotID, lineID, line.sourceLine, a.asignado.centavos, a.modificado.centavos, a.vigente.centavos,
            a.precomprometido?.centavos, a.comprometido?.centavos, a.devengado.centavos, a.pagado.centavos,
        ])
        let amountsID = db.lastInsertedRowID
        for (mes, devengado) in a.devengadoMensual.sorted(by: { $0.key < $1.key }) {
            try insertMonth.execute(arguments: [amountsID, mes, devengado.centavos])
        }
        linesWritten += 1
    }

    /// The snapshot row's id, inserting the row (with a provisional cut-off) for the first line.
    private func snapshotID(ejercicio: Int) throws -> Int64 {
        if let id = snapshot?.id { return id }
        var record = BudgetSnapshotRecord(ExecutionCutoff(ejercicio: ejercicio, mes: nil), lines: 0, importRunID: importRunID)
        try record.insert(db)
        snapshot = record
        guard let id = record.id else { throw LedgerError.database(path: path, cause: "budget_snapshot sin id") }
        return id
    }

    /// Stores the import's final cut-off and line count (also for an import that kept no line).
    public func close(cutoff: ExecutionCutoff) throws {
        var record = BudgetSnapshotRecord(cutoff, lines: linesWritten, importRunID: importRunID)
        if let id = snapshot?.id {
            record.id = id
            try record.update(db)
        } else {
            try record.insert(db)
        }
        snapshot = record
    }
}
