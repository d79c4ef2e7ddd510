import Domain
import Foundation
import GRDB

@testable import Ledger

/// What the execution totals were when SQLite added them up (GROUP BY with SUM and COUNT): the reference the sums
/// added up in Swift must equal, group for group and in the same order.
enum ExecutionTotalsSQLReference {
    /// The totals of a query as the grouping in SQL gave them (nil on SQLite's «integer overflow»).
    static func totals(_ db: Database, _ query: ExecutionTotalsQuery) throws
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
                        pagado: money(8) ?? .zero, devengadoMensual: Ledger.months(row, from: first + 9)))
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

    /// The totals by structure and renglón as the grouping in SQL gave them, one group at a time in key order.
    static func forEachTotalByStructure(
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
                       SUM(bsl.precomprometido), COUNT(bsl.precomprometido), SUM(bsl.comprometido),
                       COUNT(bsl.comprometido), SUM(bsl.devengado), SUM(bsl.pagado)\(monthSums)
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
                for month in 1...12 where !rows.isNull(Int32(17 + month)) { monthly[month] = money(Int32(17 + month)) }
            }
            let amounts = ExecutionAmounts(
                asignado: money(9), modificado: money(10), vigente: money(11),
                precomprometido: rows.int64(13) > 0 ? money(12) : nil,
                comprometido: rows.int64(15) > 0 ? money(14) : nil,
                devengado: money(16), pagado: money(17), devengadoMensual: monthly)
            try body(BudgetLine(key: key, amounts: amounts, sourceLine: 0))
        }
    }
}
