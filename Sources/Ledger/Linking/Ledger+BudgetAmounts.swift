import Domain
import Foundation
import GRDB

extension Ledger {
    /// The current amounts of every budget line of a year (latest cut-off, then latest import), without names or
    /// classifications: what reconciliation and checks add up, read lean enough for a national year's million
    /// lines. Monthly devengado only when asked (it is twelve times the rows).
    ///
    /// The current snapshot of each line is chosen in Swift from a rank of the year's few snapshots, instead of
    /// ranking every snapshot line in SQL: one pass over the rows, no sort.
    ///
    /// - Parameters:
    ///   - ejercicio: the fiscal year.
    ///   - entidad: one SICOIN entidad, or nil for all.
    ///   - unidadEjecutora: one unidad ejecutora within it, or nil.
    ///   - months: include the monthly devengado.
    public func currentBudgetAmounts(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, months: Bool = false
    ) throws -> [BudgetLine] {
        try read { db in
            let lineScope = BudgetLineScope(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            let (conditions, values) = (lineScope.conditions, lineScope.values)
            let filter = conditions.joined(separator: " AND ")
            let arguments = StatementArguments(values)
            var rank: [Int64: Int] = [:]
            for (position, id) in try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM budget_snapshot WHERE ejercicio = ? ORDER BY corte, import_run_id
                    """, arguments: [ejercicio]
            ).enumerated() {
                rank[id] = position
            }
            struct Current {
                var rank: Int
                var snapshotLine: Int64
                var sourceLine: Int
                var amounts: ExecutionAmounts
            }
            var current: [Int64: Current] = [:]
            let monthColumns =
                months
                ? ", " + BudgetSnapshotLineRecord.monthColumnNames.map { "bsl.\($0)" }.joined(separator: ", ") : ""
            let snapshotRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT bsl.budget_line_id, bsl.budget_snapshot_id, bsl.id, bsl.source_line, bsl.asignado, bsl.modificado,
                           bsl.vigente, bsl.precomprometido, bsl.comprometido, bsl.devengado, bsl.pagado\(monthColumns)
                    FROM budget_snapshot_line bsl JOIN budget_line bl ON bl.id = bsl.budget_line_id WHERE \(filter)
                    """, arguments: arguments)
            while let row = try snapshotRows.next() {
                let lineID: Int64 = row[0]
                let position = rank[row[1]] ?? -1
                if let existing = current[lineID], existing.rank > position { continue }
                let precomprometido: Int64? = row[7]
                let comprometido: Int64? = row[8]
                current[lineID] = Current(
                    rank: position, snapshotLine: row[2], sourceLine: row[3],
                    amounts: ExecutionAmounts(
                        asignado: Money(centavos: row[4]), modificado: Money(centavos: row[5]),
                        vigente: Money(centavos: row[6]),
                        precomprometido: precomprometido.map(Money.init(centavos:)),
                        comprometido: comprometido.map(Money.init(centavos:)), devengado: Money(centavos: row[9]),
                        pagado: Money(centavos: row[10]),
                        devengadoMensual: months ? Self.months(row, from: 11) : [:]))
            }
            var out: [BudgetLine] = []
            out.reserveCapacity(current.count)
            let lineRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT bl.id, bl.ejercicio, bl.entidad, bl.unidad_ejecutora, bl.programa, bl.subprograma, bl.proyecto,
                           bl.actividad, bl.obra, bl.renglon, bl.fuente, bl.organismo, bl.correlativo, bl.ubicacion_geografica
                    FROM budget_line bl WHERE \(filter) ORDER BY bl.id
                    """, arguments: arguments)
            while let row = try lineRows.next() {
                guard let value = current[row[0]], let renglon = Renglon(rawValue: row[9]) else { continue }
                let key = BudgetKey(
                    ejercicio: row[1], entidad: row[2], unidadEjecutora: row[3], programa: row[4], subprograma: row[5],
                    proyecto: row[6], actividad: row[7], obra: row[8], renglon: renglon, fuente: row[10],
                    organismo: row[11],
                    correlativo: row[12], ubicacionGeografica: row[13])
                out.append(BudgetLine(key: key, amounts: value.amounts, sourceLine: value.sourceLine))
            }
            return out
        }
    }
}

extension Ledger {
    /// The current execution of a year added up in SQL by budget structure and renglón (fuente, organismo,
    /// correlativo and ubicación summed, so absent in the keys): what reconciliation needs, in a tenth of the
    /// rows of ``currentBudgetAmounts(ejercicio:entidad:unidadEjecutora:months:)``.
    ///
    /// The grouping follows the key index of `budget_line`, so SQLite aggregates as it scans and never sorts. With
    /// several cut-offs in the year, each line counts at its latest (latest cut-off, then latest import).
    /// Comprometido and precomprometido are nil when no line of the group reports them.
    public func budgetTotalsByStructure(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, months: Bool = false
    ) throws -> [BudgetLine] {
        try read { db in
            try Self.budgetTotalsByStructure(
                db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, months: months)
        }
    }

    /// ``budgetTotalsByStructure(ejercicio:entidad:unidadEjecutora:months:)`` inside a read already open.
    ///
    /// Rows are stepped with SQLite's own functions (``FlagRawStatement``): a national year gives 100,000 groups,
    /// and decoding eighteen to thirty columns each through GRDB's rows cost a third of the query.
    static func budgetTotalsByStructure(
        _ db: Database, ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, months: Bool = false
    ) throws -> [BudgetLine] {
        var out: [BudgetLine] = []
        try forEachBudgetTotalByStructure(
            db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, months: months
        ) { out.append($0) }
        return out
    }

    /// ``budgetTotalsByStructure(_:ejercicio:entidad:unidadEjecutora:months:)`` one group at a time, in key order:
    /// a national year's 100,000 groups need not be held by a caller that adds them up.
    static func forEachBudgetTotalByStructure(
        _ db: Database, ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, months: Bool = false,
        _ body: (BudgetLine) throws -> Void
    ) throws {
        let current = try CurrentLineFilter(
            db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
        let keys = BudgetKeyOrder.throughRenglon("bl").joined(separator: ", ")
        let monthSums =
            months ? BudgetSnapshotLineRecord.monthColumnNames.map { ", SUM(bsl.\($0))" }.joined() : ""
        let rows = try FlagRawStatement(
            db,
            sql: """
                SELECT bl.ejercicio, bl.entidad, bl.unidad_ejecutora, bl.programa, bl.subprograma, bl.proyecto,
                       bl.actividad, bl.obra, bl.renglon, SUM(bsl.asignado), SUM(bsl.modificado), SUM(bsl.vigente),
                       SUM(bsl.precomprometido), SUM(bsl.comprometido), SUM(bsl.devengado), SUM(bsl.pagado)\(monthSums)
                FROM budget_line bl JOIN budget_snapshot_line bsl ON bsl.budget_line_id = bl.id
                WHERE \(current.conditions.joined(separator: " AND ")) GROUP BY \(keys)
                """, arguments: StatementArguments(current.values))
        func text(_ column: Int32) -> String { rows.string(column) ?? "" }
        func money(_ column: Int32) -> Money { Money(centavos: rows.int64(column)) }
        while try rows.step() {
            guard let renglon = rows.string(8).flatMap(Renglon.init(rawValue:)) else { continue }
            let key = BudgetKey(
                ejercicio: Int(rows.int64(0)), entidad: text(1), unidadEjecutora: rows.string(2), programa: text(3),
                subprograma: text(4), proyecto: text(5), actividad: text(6), obra: text(7), renglon: renglon,
                fuente: nil, ubicacionGeografica: nil)
            var monthly = MonthlyAmounts()
            if months {
                for month in 1...12 where !rows.isNull(Int32(15 + month)) { monthly[month] = money(Int32(15 + month)) }
            }
            // SUM is NULL exactly when no line of the group reports the amount (a COUNT beside it cost as much).
            let amounts = ExecutionAmounts(
                asignado: money(9), modificado: money(10), vigente: money(11),
                precomprometido: rows.isNull(12) ? nil : money(12), comprometido: rows.isNull(13) ? nil : money(13),
                devengado: money(14), pagado: money(15), devengadoMensual: monthly)
            try body(BudgetLine(key: key, amounts: amounts, sourceLine: 0))
        }
    }
}

extension Ledger {
    /// How many of a year's current budget lines have no monthly devengado, of how many: a period report needs
    /// every line broken down by month.
    public func linesWithoutMonths(ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil)
        throws -> (without: Int, total: Int)
    {
        try read { db in
            let lineScope = BudgetLineScope(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            let (conditions, values) = (lineScope.conditions, lineScope.values)
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(DISTINCT bl.id), COUNT(DISTINCT CASE WHEN
                        \(BudgetSnapshotLineRecord.monthColumnNames.map { "bsl.\($0) IS NULL" }.joined(separator: " AND "))
                        THEN bl.id END)
                    FROM budget_line bl JOIN budget_snapshot_line bsl ON bsl.budget_line_id = bl.id
                    WHERE \(conditions.joined(separator: " AND "))
                    """, arguments: StatementArguments(values))
            return (row?[1] ?? 0, row?[0] ?? 0)
        }
    }
}
