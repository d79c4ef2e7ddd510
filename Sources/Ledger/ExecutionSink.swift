import Domain
import Foundation
import GRDB
import GRDBSQLite

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
    // Prepared once: a national file has hundreds of thousands of lines, each written with at most three
    // statements (find its budget line, insert it if new, insert its amounts with the twelve months as columns).
    private let findLine: Statement
    private let updateNames: Statement
    /// The inserts of budget lines and of their amounts, one row at a time or ``batchSize`` at a time.
    private let lineInserts = MultiRowInsert(
        table: "budget_line",
        columns: [
            "ejercicio", "entidad", "unidad_ejecutora", "programa", "subprograma", "proyecto", "actividad", "obra",
            "renglon", "fuente", "organismo", "correlativo", "ubicacion_geografica", "grupo", "tipo_presupuesto",
            "finalidad", "funcion", "division", "departamento", "subgrupo", "region", "nombres",
        ])
    private let amountInserts = MultiRowInsert(
        table: "budget_snapshot_line",
        columns: [
            "budget_snapshot_id", "budget_line_id", "source_line", "asignado", "modificado", "vigente",
            "precomprometido", "comprometido", "devengado", "pagado", "adiciones", "disminuciones",
            "traspasos_positivos", "traspasos_negativos", "transferencias_positivas", "transferencias_negativas",
        ] + BudgetSnapshotLineRecord.monthColumnNames)
    /// The `nombres` JSON of the last names written: consecutive lines print the same names, and encoding them
    /// once per line cost more than the line's SQL. (The execution reader hands consecutive lines with the same
    /// names the same dictionary, which `==` recognizes without hashing.)
    private var lastNames: (names: [String: String], json: String)?
    /// Lines of a year new to the ledger waiting to be inserted ``batchSize`` at a time.
    private var pending: [BudgetLine] = []
    /// Lines per multi-row insert (a power of two, as ``MultiRowInsert`` prepares them): each statement's start-up
    /// (and the AUTOINCREMENT counter it reads and writes) is paid once per batch; 32 lines of 28 values stay
    /// below the 999 bound values SQLite allowed before 3.32.
    static let batchSize = 32
    /// The texts bound to the batch insert of lines, kept until it ran.
    private let batchTexts = BoundTextArena()
    /// Statements run so far (for tests that pin the work done per line).
    public private(set) var statementsRun = 0

    init(db: Database, importRunID: Int64, path: String) throws {
        self.db = db
        self.path = path
        self.importRunID = importRunID
        // The key's absent codes are compared as '' exactly as the unique index `budget_line_on_key` spells them,
        // so the lookup uses that index.
        findLine = try db.cachedStatement(
            sql: """
                SELECT id, nombres FROM budget_line WHERE ejercicio = ? AND entidad = ? AND ifnull(unidad_ejecutora, '') = ?
                AND programa = ? AND subprograma = ? AND proyecto = ? AND actividad = ? AND obra = ? AND renglon = ?
                AND ifnull(fuente, '') = ? AND ifnull(organismo, '') = ? AND ifnull(correlativo, '') = ?
                AND ifnull(ubicacion_geografica, '') = ?
                """)
        // Classifications a file does not give keep what an earlier file said.
        updateNames = try db.cachedStatement(
            sql: """
                UPDATE budget_line SET nombres = ?, tipo_presupuesto = ifnull(?, tipo_presupuesto),
                finalidad = ifnull(?, finalidad), funcion = ifnull(?, funcion), division = ifnull(?, division),
                departamento = ifnull(?, departamento), subgrupo = ifnull(?, subgrupo), region = ifnull(?, region)
                WHERE id = ?
                """)
    }

    /// The `nombres` column for a line's names.
    private func namesJSON(_ names: [String: String]) -> String {
        if let lastNames, lastNames.names == names { return lastNames.json }
        let json = BudgetLineRecord.encode(names)
        lastNames = (names, json)
        return json
    }

    /// Writes one line's amounts at the cut-off, creating the budget line the first time its key is seen.
    ///
    /// Lines of a year without budget lines before this import are all new (the reader rejects duplicate keys):
    /// they are kept and inserted ``batchSize`` at a time, in file order, so ids are given as one by one; the
    /// rest are written at once. ``close(cutoff:)`` writes what is still kept.
    public func write(_ line: consuming BudgetLine) throws {
        if try isNewYear(line.key.ejercicio) {
            _ = try snapshotID(ejercicio: line.key.ejercicio)
            keyCounts.tally(existing: nil)
            pending.append(line)
            linesWritten += 1
            if pending.count == Self.batchSize { try flushBatch() }
            return
        }
        try flushPending()
        let snapshotID = try snapshotID(ejercicio: line.key.ejercicio)
        let classification = line.classification
        let lineID: Int64
        if let existing = try findExisting(line.key) {
            lineID = existing.id
            let previous = try Ledger.currentAmounts(db, lineID: lineID)
            statementsRun += 1
            keyCounts.tally(existing: previous == nil ? nil : previous == line.amounts)
            if !line.names.isEmpty || classification != .none {
                let names = line.names.isEmpty ? existing.names : namesJSON(line.names)
                try updateNames.execute(arguments: [
                    names, classification.tipoPresupuesto, classification.finalidad, classification.funcion,
                    classification.division, classification.departamento, classification.subgrupo,
                    classification.region, lineID,
                ])
                statementsRun += 1
            }
        } else {
            keyCounts.tally(existing: nil)
            lineID = try insertOne(line)
        }
        var amounts = BoundStatement(try amountInserts.statement(rows: 1, db), db: db)
        bindAmounts(&amounts, of: line, snapshotID: snapshotID, lineID: lineID)
        try amounts.execute()
        statementsRun += 1
        linesWritten += 1
    }

    /// Inserts a new budget line alone; returns its id.
    private func insertOne(_ line: BudgetLine) throws -> Int64 {
        var insert = BoundStatement(try lineInserts.statement(rows: 1, db), db: db)
        bindLine(&insert, line, textsKeptIn: batchTexts)
        defer { batchTexts.reset() }
        try insert.execute()
        statementsRun += 1
        return db.lastInsertedRowID
    }

    /// Inserts the kept lines of a new year: a full batch with two multi-row statements, fewer one by one.
    private func flushPending() throws {
        if pending.count == Self.batchSize { return try flushBatch() }
        guard !pending.isEmpty, let snapshotID = snapshot?.id else { return }
        for line in pending {
            let lineID = try insertOne(line)
            var amounts = BoundStatement(try amountInserts.statement(rows: 1, db), db: db)
            bindAmounts(&amounts, of: line, snapshotID: snapshotID, lineID: lineID)
            try amounts.execute()
            statementsRun += 1
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Inserts ``batchSize`` kept lines with one statement, then their amounts with another.
    private func flushBatch() throws {
        guard let snapshotID = snapshot?.id else { return }
        var insert = BoundStatement(try lineInserts.statement(rows: Self.batchSize, db), db: db)
        // Lent from the array's storage: iterating the array, or its subscript, copied each line out of it (every
        // string retained, then released).
        pending.withUnsafeBufferPointer { lines in
            for index in lines.indices { bindLine(&insert, lines[index], textsKeptIn: batchTexts) }
        }
        defer { batchTexts.reset() }
        try insert.execute()
        statementsRun += 1
        // One INSERT gives its rows consecutive ids in VALUES order (AUTOINCREMENT: each is one more than the
        // largest so far, and this transaction is the only writer), so the last id names them all.
        let lastID = db.lastInsertedRowID
        guard db.changesCount == pending.count else {
            throw LedgerError.database(
                path: path, cause: "inserción por lotes: \(db.changesCount) de \(pending.count) líneas")
        }
        var amounts = BoundStatement(try amountInserts.statement(rows: Self.batchSize, db), db: db)
        let firstID = lastID - Int64(pending.count) + 1
        pending.withUnsafeBufferPointer { lines in
            for index in lines.indices {
                bindAmounts(&amounts, of: lines[index], snapshotID: snapshotID, lineID: firstID + Int64(index))
            }
        }
        try amounts.execute()
        statementsRun += 1
        pending.removeAll(keepingCapacity: true)
    }

    /// Binds a new budget line's 22 values (as ``lineInserts`` lists them) after those already bound, their texts
    /// kept in `arena` until the statement ran.
    ///
    /// One by one, with no array of optionals per line: with two statements per line, building and freeing
    /// those arrays was a visible share of the writer's time.
    private func bindLine(
        _ insert: inout BoundStatement, _ line: borrowing BudgetLine, textsKeptIn arena: BoundTextArena
    ) {
        insert.bind(line.key.ejercicio)
        insert.bind(line.key.structure.entidad, keptIn: arena)
        insert.bind(line.key.structure.unidadEjecutora, keptIn: arena)
        insert.bind(line.key.structure.programa, keptIn: arena)
        insert.bind(line.key.structure.subprograma, keptIn: arena)
        insert.bind(line.key.structure.proyecto, keptIn: arena)
        insert.bind(line.key.structure.actividad, keptIn: arena)
        insert.bind(line.key.structure.obra, keptIn: arena)
        insert.bind(line.key.renglon.rawValue, keptIn: arena)
        insert.bind(line.key.fuente, keptIn: arena)
        insert.bind(line.key.organismo, keptIn: arena)
        insert.bind(line.key.correlativo, keptIn: arena)
        insert.bind(line.key.ubicacionGeografica, keptIn: arena)
        insert.bind(line.key.renglon.grupo.rawValue, keptIn: arena)
        insert.bind(line.classification.tipoPresupuesto, keptIn: arena)
        insert.bind(line.classification.finalidad, keptIn: arena)
        insert.bind(line.classification.funcion, keptIn: arena)
        insert.bind(line.classification.division, keptIn: arena)
        insert.bind(line.classification.departamento, keptIn: arena)
        insert.bind(line.classification.subgrupo, keptIn: arena)
        insert.bind(line.classification.region, keptIn: arena)
        insert.bind(namesJSON(line.names), keptIn: arena)
    }

    /// Binds a line's 28 amount values (as ``amountInserts`` lists them) after those already bound.
    private func bindAmounts(
        _ amounts: inout BoundStatement, of line: borrowing BudgetLine, snapshotID: Int64, lineID: Int64
    ) {
        let a = line.amounts
        let parts = a.modificaciones
        amounts.bind(snapshotID)
        amounts.bind(lineID)
        amounts.bind(line.sourceLine)
        amounts.bind(a.asignado.centavos)
        amounts.bind(a.modificado.centavos)
        amounts.bind(a.vigente.centavos)
        amounts.bind(a.precomprometido?.centavos)
        amounts.bind(a.comprometido?.centavos)
        amounts.bind(a.devengado.centavos)
        amounts.bind(a.pagado.centavos)
        amounts.bind(parts?.adiciones?.centavos)
        amounts.bind(parts?.disminuciones?.centavos)
        amounts.bind(parts?.traspasosPositivos?.centavos)
        amounts.bind(parts?.traspasosNegativos?.centavos)
        amounts.bind(parts?.transferenciasPositivas?.centavos)
        amounts.bind(parts?.transferenciasNegativas?.centavos)
        let months = a.devengadoMensual
        for month in 1...12 { amounts.bind(months[month]?.centavos) }
    }

    /// Years that had no budget line when this import first wrote one of theirs.
    private var newYears: [Int: Bool] = [:]

    private func isNewYear(_ ejercicio: Int) throws -> Bool {
        if let known = newYears[ejercicio] { return known }
        let empty = try
            !(Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM budget_line WHERE ejercicio = ?)", arguments: [ejercicio])
            ?? false)
        newYears[ejercicio] = empty
        return empty
    }

    /// The id and stored names of the budget line with this key, if any.
    private func findExisting(_ key: BudgetKey) throws -> (id: Int64, names: String)? {
        let structure = key.structure
        var find = BoundStatement(findLine, db: db)
        find.bind(key.ejercicio)
        let codes: [String] = [
            structure.entidad, structure.unidadEjecutora ?? "", structure.programa, structure.subprograma,
            structure.proyecto, structure.actividad, structure.obra, key.renglon.rawValue, key.fuente ?? "",
            key.organismo ?? "", key.correlativo ?? "", key.ubicacionGeografica ?? "",
        ]
        for code in codes { find.bind(code) }
        statementsRun += 1
        return try find.first { statement in
            (sqlite3_column_int64(statement, 0), sqlite3_column_text(statement, 1).map { String(cString: $0) } ?? "{}")
        }
    }

    /// The snapshot row's id, inserting the row (with a provisional cut-off) for the first line.
    private func snapshotID(ejercicio: Int) throws -> Int64 {
        if let id = snapshot?.id { return id }
        var record = BudgetSnapshotRecord(
            ExecutionCutoff(ejercicio: ejercicio, mes: nil), lines: 0, importRunID: importRunID)
        try record.insert(db)
        snapshot = record
        guard let id = record.id else { throw LedgerError.database(path: path, cause: "budget_snapshot sin id") }
        return id
    }

    /// True when the import turned out to hold exactly a snapshot already in the ledger (same cut-off, same lines,
    /// same amounts), so it added none: the same data again in another format (XLSX after CSV) is no new cut-off.
    public private(set) var repeatedSnapshot = false

    /// Stores the import's final cut-off and line count (also for an import that kept no line), or drops the
    /// import's snapshot when an earlier import already holds the very same one.
    public func close(cutoff: ExecutionCutoff) throws {
        try flushPending()
        var record = BudgetSnapshotRecord(cutoff, lines: linesWritten, importRunID: importRunID)
        if let id = snapshot?.id {
            record.id = id
            try record.update(db)
        } else {
            try record.insert(db)
        }
        snapshot = record
        if let id = record.id, try isRepeated(id, cutoff: cutoff) {
            // The import run stays (its file is recorded as imported); its snapshot lines go with the row, deleted
            // here rather than by the cascade, which is off while execution imports write.
            try db.execute(sql: "DELETE FROM budget_snapshot_line WHERE budget_snapshot_id = ?", arguments: [id])
            _ = try BudgetSnapshotRecord.deleteOne(db, key: id)
            snapshot = nil
            repeatedSnapshot = true
        }
    }

    /// True when an earlier snapshot of the same cut-off date has the same lines with the same amounts and months
    /// (a file that states its cut-off and a copy that does not, such as the XLSX of a titled CSV, meet on the date).
    private func isRepeated(_ id: Int64, cutoff: ExecutionCutoff) throws -> Bool {
        guard keyCounts.inserted == 0, keyCounts.updated == 0 else { return false }
        let candidates = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM budget_snapshot WHERE id <> ? AND ejercicio = ? AND corte = ? AND lines = ?
                ORDER BY import_run_id DESC
                """, arguments: [id, cutoff.ejercicio, cutoff.sortDate, linesWritten])
        let sameMonths = BudgetSnapshotLineRecord.monthColumnNames.map { "o.\($0) IS n.\($0)" }
            .joined(separator: " AND ")
        for earlier in candidates {
            let sameLines =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM budget_snapshot_line n JOIN budget_snapshot_line o
                        ON o.budget_snapshot_id = ? AND o.budget_line_id = n.budget_line_id AND o.asignado = n.asignado
                        AND o.modificado = n.modificado AND o.vigente = n.vigente AND o.precomprometido IS n.precomprometido
                        AND o.comprometido IS n.comprometido AND o.devengado = n.devengado AND o.pagado = n.pagado
                        AND o.adiciones IS n.adiciones AND o.disminuciones IS n.disminuciones
                        AND o.traspasos_positivos IS n.traspasos_positivos AND o.traspasos_negativos IS n.traspasos_negativos
                        AND o.transferencias_positivas IS n.transferencias_positivas
                        AND o.transferencias_negativas IS n.transferencias_negativas AND \(sameMonths)
                        WHERE n.budget_snapshot_id = ?
                        """, arguments: [earlier, id]) ?? 0
            if sameLines == linesWritten { return true }
        }
        return false
    }
}
