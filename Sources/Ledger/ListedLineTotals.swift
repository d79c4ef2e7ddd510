import Foundation
import GRDB

/// A year's execution added up by renglón and by activity while the execution listing steps its lines
/// (``Ledger/forEachCurrentBudgetLineRow(ejercicio:entidad:unidadEjecutora:keepingTotals:_:)``), then kept as
/// ``Ledger/currentExecutionTotals(ejercicio:entidad:unidadEjecutora:by:)``'s results: the grouped tables and the
/// checks written after the listing on its connection find them instead of reading the year again.
///
/// The listing's lines are the totals' (``CurrentLineFilter`` and ``CurrentLineScan`` choose the same ones), and
/// their order does not matter (``GroupedExecutionSums`` orders the groups). Nothing is kept when the listing skips
/// a line (a renglón that is not one: the totals count every line) or when a sum overflows (the totals' own read
/// then gives up as before, and the lines are added one by one in the listing's order).
struct ListedLineTotals {
    /// What the listing selects after ``BudgetLineColumn``'s columns: the line's id, whether it has no month and
    /// the twelve months, and whether it prints any name.
    static let columns = ["bl.id"] + ExecutionSums.monthColumns("bsl") + [Ledger.printsNames]
    private static let line = Int32(BudgetLineColumn.allCases.count)
    private static let months = line + 1
    private static let named = months + 13

    private var byRenglon: GroupedExecutionSums?
    private var byActivity: GroupedExecutionSums?
    /// Positions of the activities some line of which prints names (``ActivityNameQuery`` looks only for those).
    private var namedActivities = Set<Int>()
    private var amounts = LineAmounts()
    private var skipped = false

    /// Nil when no grouping is asked for. By expense group is by renglón rolled up.
    init?(_ groupings: Set<ExecutionTotals.Grouping>) {
        guard !groupings.isEmpty else { return nil }
        func columns(_ key: BudgetLineColumn, _ count: Int) -> GroupedExecutionSums.Columns {
            .init(
                key: key.rawValue, keyCount: count, line: Self.line, amounts: BudgetLineColumn.asignado.rawValue,
                months: Self.months)
        }
        if !groupings.isDisjoint(with: [.grupo, .renglon]) {
            byRenglon = GroupedExecutionSums(columns(.renglon, 1))
        }
        if groupings.contains(.actividad) {
            // The activity's key as the totals select it: entidad, unidad ejecutora, programa … obra.
            byActivity = GroupedExecutionSums(columns(.entidad, 7))
        }
    }

    /// Adds the line the listing's statement is on.
    mutating func add(_ row: FlagRawStatement) {
        amounts.read(row, amounts: BudgetLineColumn.asignado.rawValue, months: Self.months)
        byRenglon?.add(row, amounts: amounts)
        if let group = byActivity?.add(row, amounts: amounts), row.int64(Self.named) != 0 {
            namedActivities.insert(group)
        }
    }

    /// Notes a line the listing skipped: nothing is kept.
    mutating func skip() { skipped = true }

    /// Keeps the totals in `memo` as the year's (narrowed to `entidad` / `unidadEjecutora`), inside the listing's
    /// read.
    func keep(
        in memo: ReadMemo<ExecutionTotalsQuery, ExecutionTotals?>, _ db: Database, ejercicio: Int, entidad: String?,
        unidadEjecutora: String?
    ) throws {
        guard !skipped else { return }
        let sums: [(ExecutionTotals.Grouping, GroupedExecutionSums?)] = [
            (.renglon, byRenglon), (.actividad, byActivity),
        ]
        for case (let grouping, let grouped?) in sums where !grouped.overflowed {
            let query = ExecutionTotalsQuery(
                ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, grouping: grouping)
            let totals = try Ledger.executionTotals(
                db, query, grouped, namedGroups: grouping == .actividad ? namedActivities : [])
            try memo.keep(query, totals, db)
        }
    }
}
