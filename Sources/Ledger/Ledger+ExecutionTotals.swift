import Domain
import Foundation
import GRDB

extension Ledger {
    /// The current state of a year's budget lines (latest cut-off, then latest import) added up by expense group,
    /// renglón or activity, optionally narrowed to one entidad / unidad ejecutora: the grouped execution tables read
    /// a few dozen rows instead of every line.
    ///
    /// Returns nil when a sum leaves 64-bit centavos: the caller then adds the lines up one by one, with
    /// ``Domain/Money``'s checked arithmetic and its error.
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
    ///
    /// The year's current lines are stepped once (``CurrentLineScan``) and added up in Swift by the grouping's key
    /// texts (``GroupedExecutionSums``), as SQL's GROUP BY and ORDER BY would group and order them: SQLite's
    /// aggregates and the sort of a GROUP BY that no index serves were most of the time.
    static func currentExecutionTotals(_ db: Database, _ query: ExecutionTotalsQuery) throws
        -> ExecutionTotals?
    {
        let keys = Self.totalsKey(query.grouping)
        let amounts = ExecutionSums.columns("bsl")
        // By activity, whether the line prints any name: an activity none of whose lines does has no name to look
        // for (a year without names would otherwise walk every line again, one activity at a time).
        let named = query.grouping == .actividad ? Int32(keys.count + 1 + amounts.count) : nil
        let scan = try CurrentLineScan(
            db, ejercicio: query.ejercicio, entidad: query.entidad, unidadEjecutora: query.unidadEjecutora,
            columns: keys + ["bl.id"] + amounts + (named == nil ? [] : [Self.printsNames]))
        let rows = try FlagRawStatement(db, sql: scan.sql, arguments: scan.arguments)
        var grouped = GroupedExecutionSums(.keyFirst(keys.count))
        var namedGroups = Set<Int>()
        while try rows.step() {
            let group = grouped.add(rows)
            if let named, rows.int64(named) != 0 { namedGroups.insert(group) }
        }
        return try executionTotals(db, query, grouped, namedGroups: namedGroups)
    }

    /// Whether a line (`bl`) prints any name: an activity none of whose lines does has no name to look for.
    static let printsNames = "bl.nombres <> '{}'"

    /// The totals of `query` from its lines added up (by activity, with the positions of the groups some line of
    /// which prints names), inside a read; nil when a sum left 64-bit centavos.
    static func executionTotals(
        _ db: Database, _ query: ExecutionTotalsQuery, _ grouped: GroupedExecutionSums, namedGroups: Set<Int>
    ) throws -> ExecutionTotals? {
        if grouped.overflowed { return nil }
        var totals = ExecutionTotals(groups: [], lines: 0, linesWithoutMonths: 0, latest: nil)
        let names = query.grouping == .actividad ? try ActivityNameQuery(db) : nil
        for (position, group) in grouped.sorted() {
            totals.lines += group.sums.lines
            totals.linesWithoutMonths += group.sums.linesWithoutMonths
            func text(_ column: Int) -> String { group.key.string(column) }
            var total = ExecutionTotals.Group(code: text(0), amounts: group.sums.amounts)
            if let names {
                let structure = BudgetStructure(
                    entidad: text(0), unidadEjecutora: text(1), programa: text(2), subprograma: text(3),
                    proyecto: text(4), actividad: text(5), obra: text(6))
                total.code = structure.label
                total.structure = structure
                total.name = namedGroups.contains(position) ? try names.name(ofActivityOf: group.line) : nil
            }
            totals.groups.append(total)
        }
        totals.latest = try latestCutoff(db, query)
        return totals
    }

    /// The latest cut-off the lines of `query` are at: the year's snapshots, latest first, until one holds a line.
    private static func latestCutoff(_ db: Database, _ query: ExecutionTotalsQuery) throws -> ExecutionCutoff? {
        let scope = BudgetLineScope(
            ejercicio: query.ejercicio, entidad: query.entidad, unidadEjecutora: query.unidadEjecutora)
        for snapshot in try BudgetSnapshotRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM budget_snapshot WHERE ejercicio = ? ORDER BY corte DESC, import_run_id DESC
                """, arguments: [query.ejercicio])
        {
            guard let id = snapshot.id else { continue }
            let holds =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM budget_snapshot_line bsl JOIN budget_line bl ON bl.id = bsl.budget_line_id
                        WHERE bsl.budget_snapshot_id = ? AND \(scope.conditions.joined(separator: " AND ")))
                        """, arguments: StatementArguments([id] + scope.values)) ?? false
            if holds { return snapshot.cutoff }
        }
        return nil
    }

    /// The key texts a grouping adds up by, as selected. By activity the structure, with an absent unidad
    /// ejecutora read as empty (``GroupedExecutionSums`` reads NULL as empty), so absent and empty are one, as in
    /// the key index.
    private static func totalsKey(_ grouping: ExecutionTotals.Grouping) -> [String] {
        switch grouping {
        case .grupo: ["bl.grupo"]
        case .renglon: ["bl.renglon"]
        case .actividad:
            [
                "bl.entidad", "bl.unidad_ejecutora", "bl.programa", "bl.subprograma", "bl.proyecto", "bl.actividad",
                "bl.obra",
            ]
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
