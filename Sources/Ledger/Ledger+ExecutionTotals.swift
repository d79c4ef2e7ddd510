import Domain
import Foundation
import GRDB

extension Ledger {
    /// The current state of a year's budget lines (latest cut-off, then latest import) added up by expense group,
    /// renglón or activity in SQL, optionally narrowed to one entidad / unidad ejecutora: the grouped execution tables read
    /// a few dozen rows instead of every line.
    ///
    /// Returns nil when a sum leaves 64-bit centavos (SQLite stops with «integer overflow»): the caller then adds
    /// the lines up one by one, with ``Domain/Money``'s checked arithmetic and its error.
    public func currentExecutionTotals(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, by grouping: ExecutionTotals.Grouping
    ) throws -> ExecutionTotals? {
        // Groups are sums of renglones: one scan of the year serves both tables (a publication asks for both).
        if grouping == .grupo,
            let byRenglon = try currentExecutionTotals(
                ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, by: .renglon),
            let byGroup = try? byRenglon.rolledUpByGroup()
        {
            return byGroup
        }
        return try read { db in
            let query = ExecutionTotalsQuery(
                ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, grouping: grouping)
            return try executionTotalsMemo.value(query, db) {
                try Self.currentExecutionTotals(db, query)
            }
        }
    }

    /// ``currentExecutionTotals(ejercicio:entidad:unidadEjecutora:by:)`` read from the ledger, inside a read.
    static func currentExecutionTotals(_ db: Database, _ query: ExecutionTotalsQuery) throws
        -> ExecutionTotals?
    {
        let (ejercicio, entidad, unidadEjecutora, grouping) = (
            query.ejercicio, query.entidad, query.unidadEjecutora, query.grouping
        )
        let current = try CurrentLineFilter(
            db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
        let (conditions, values) = (current.conditions, current.values)
        let filter = conditions.joined(separator: " AND ")
        let keys = Self.totalsKey(grouping)
        let months = BudgetSnapshotLineRecord.monthColumnNames
        let withoutMonths = months.map { "bsl.\($0) IS NULL" }.joined(separator: " AND ")
        let sql = """
            SELECT \(keys.columns.joined(separator: ", ")), COUNT(*),
                   SUM(CASE WHEN \(withoutMonths) THEN 1 ELSE 0 END),
                   SUM(bsl.asignado), SUM(bsl.modificado), SUM(bsl.vigente), SUM(bsl.precomprometido),
                   SUM(bsl.comprometido), SUM(bsl.devengado), SUM(bsl.pagado),
                   \(months.map { "SUM(bsl.\($0))" }.joined(separator: ", "))\(keys.extra.map { ", " + $0 } ?? "")
            FROM budget_line bl JOIN budget_snapshot_line bsl ON bsl.budget_line_id = bl.id
            WHERE \(filter) GROUP BY \(keys.columns.joined(separator: ", "))
            ORDER BY \(keys.columns.joined(separator: ", "))
            """
        var totals = ExecutionTotals(groups: [], lines: 0, linesWithoutMonths: 0, latest: nil)
        do {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(values))
            let first = keys.columns.count
            while let row = try rows.next() {
                func money(_ index: Int) -> Money? { (row[first + index] as Int64?).map(Money.init(centavos:)) }
                totals.lines += row[first] as Int
                totals.linesWithoutMonths += row[first + 1] as Int
                var group = ExecutionTotals.Group(
                    code: row[0],
                    amounts: ExecutionAmounts(
                        asignado: money(2) ?? .zero, modificado: money(3) ?? .zero, vigente: money(4) ?? .zero,
                        precomprometido: money(5), comprometido: money(6), devengado: money(7) ?? .zero,
                        pagado: money(8) ?? .zero, devengadoMensual: Self.months(row, from: first + 9)))
                if grouping == .actividad {
                    let structure = BudgetStructure(
                        entidad: row[0], unidadEjecutora: row[1], programa: row[2], subprograma: row[3],
                        proyecto: row[4], actividad: row[5], obra: row[6])
                    group.code = structure.label
                    group.structure = structure
                    group.name = row[first + 21]
                }
                totals.groups.append(group)
            }
        } catch let error as DatabaseError where error.message == "integer overflow" {
            return nil
        }
        // The latest cut-off the lines are at: the year's snapshots, latest first, until one holds a line.
        let snapshotFilter = conditions.filter { !$0.contains("bs2") }.joined(separator: " AND ")
        for snapshot in try BudgetSnapshotRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM budget_snapshot WHERE ejercicio = ? ORDER BY corte DESC, import_run_id DESC
                """, arguments: [ejercicio])
        {
            guard let id = snapshot.id else { continue }
            let holds =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM budget_snapshot_line bsl JOIN budget_line bl ON bl.id = bsl.budget_line_id
                        WHERE bsl.budget_snapshot_id = ? AND \(snapshotFilter))
                        """, arguments: StatementArguments([id] + values)) ?? false
            if holds {
                totals.latest = snapshot.cutoff
                break
            }
        }
        return totals
    }

    /// What a grouping selects and groups by. By activity the unidad ejecutora is grouped as the structure reads it
    /// (absent and empty are one), and the name is the first non-empty one the activity's lines print, in key order
    /// (`budget_line_on_key` answers it per group).
    private static func totalsKey(_ grouping: ExecutionTotals.Grouping) -> (columns: [String], extra: String?) {
        switch grouping {
        case .grupo: return (["bl.grupo"], nil)
        case .renglon: return (["bl.renglon"], nil)
        case .actividad:
            let name = "json_extract(b2.nombres, '$.actividad')"
            let sameActivity = zip(BudgetKeyOrder.terms("b2")[..<8], BudgetKeyOrder.terms("bl")[..<8])
                .map { "\($0) = \($1)" }.joined(separator: " AND ")
            return (
                Array(BudgetKeyOrder.structure("bl")),
                """
                (SELECT \(name) FROM budget_line b2
                 WHERE \(sameActivity) AND \(name) <> ''
                   AND EXISTS (SELECT 1 FROM budget_snapshot_line s WHERE s.budget_line_id = b2.id)
                 ORDER BY \(BudgetKeyOrder.sql("b2")) LIMIT 1)
                """
            )
        }
    }

    /// The first usable name (not empty, not damaged) that the year's lines of a renglón print for it, in key
    /// order: what names a renglón the bundled catalog lacks.
    public func fileName(
        ofRenglon renglon: Renglon, ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil
    )
        throws -> String?
    {
        try read { db in
            var lineScope = BudgetLineScope(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            lineScope.conditions.append("bl.renglon = ?")
            lineScope.values.append(renglon.rawValue)
            let (conditions, values) = (lineScope.conditions, lineScope.values)
            let name = "json_extract(bl.nombres, '$.renglon')"
            return try String.fetchOne(
                db,
                sql: """
                    SELECT \(name) FROM budget_line bl
                    WHERE \(conditions.joined(separator: " AND ")) AND \(name) <> '' AND instr(\(name), char(65533)) = 0
                      AND EXISTS (SELECT 1 FROM budget_snapshot_line bsl WHERE bsl.budget_line_id = bl.id)
                    ORDER BY \(BudgetKeyOrder.sql("bl")) LIMIT 1
                    """, arguments: StatementArguments(values))
        }
    }
}
