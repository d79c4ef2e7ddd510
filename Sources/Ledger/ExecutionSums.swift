import Domain
import Foundation

/// One group's current budget lines added up in Swift as SQL's `SUM` and `COUNT` add them up, while the rows are
/// stepped: a national year is a million lines, and SQLite's nineteen aggregate calls per line (and the sort of its
/// GROUP BY) cost more than reading the rows.
///
/// A column no line of the group reports (precomprometido, comprometido, a month) stays absent, as SQL's `SUM` over
/// only NULLs is NULL. A sum that leaves 64-bit centavos sets ``overflow``, where SQLite stopped with «integer
/// overflow»; the caller then gives up as it did on SQLite's error.
///
/// Each value read is a call into SQLite, so few are made: the five amounts the schema makes NOT NULL are read
/// without asking for NULL, a nullable one is asked only when it reads as 0 (SQLite reads NULL as 0), and the
/// twelve months are read only when the row says it has some.
struct ExecutionSums {
    /// The seven amounts, in the order read; precomprometido and comprometido may be NULL.
    private static let amountColumns = [
        "asignado", "modificado", "vigente", "precomprometido", "comprometido", "devengado", "pagado",
    ]

    /// What ``add(_:from:)`` reads, in its order, of `budget_snapshot_line` under `alias`: the seven amounts,
    /// whether the line has no month at all, and devengado of each month.
    static func columns(_ alias: String) -> [String] {
        let amounts = amountColumns.map { "\(alias).\($0)" }
        let monthColumns = BudgetSnapshotLineRecord.monthColumnNames.map { "\(alias).\($0)" }
        let withoutMonths = "(" + monthColumns.map { "\($0) IS NULL" }.joined(separator: " AND ") + ")"
        return amounts + [withoutMonths] + monthColumns
    }

    /// The sums: the seven amounts, then the twelve months.
    private var totals = [Int64](repeating: 0, count: 19)
    /// Bit `c` set when some line reported sum `c` (not NULL).
    private var reported: UInt32 = 0
    /// Lines added.
    private(set) var lines = 0
    /// Lines added without any monthly devengado.
    private(set) var linesWithoutMonths = 0
    /// The first sum that left 64-bit centavos: the totals are not to be used.
    private(set) var overflow: MoneyOverflowError?

    /// Adds the amounts of the row `row` is on, read from column `first` on.
    mutating func add(_ row: FlagRawStatement, from first: Int32) {
        lines += 1
        var reported = reported
        var overflow: MoneyOverflowError?
        let withoutMonths = row.int64(first + 7) != 0
        totals.withUnsafeMutableBufferPointer { totals in
            func add(_ sum: Int, column: Int32, nullable: Bool) {
                let value = row.int64(column)
                if nullable && value == 0 && row.isNull(column) { return }
                reported |= 1 << sum
                let (total, overflowed) = totals[sum].addingReportingOverflow(value)
                if overflowed && overflow == nil {
                    overflow = MoneyOverflowError(
                        lhs: Money(centavos: totals[sum]), rhs: Money(centavos: value), operation: .addition)
                }
                totals[sum] = total
            }
            for sum in 0..<7 { add(sum, column: first + Int32(sum), nullable: sum == 3 || sum == 4) }
            if !withoutMonths {
                for month in 0..<12 { add(7 + month, column: first + 8 + Int32(month), nullable: true) }
            }
        }
        self.reported = reported
        if self.overflow == nil { self.overflow = overflow }
        if withoutMonths { linesWithoutMonths += 1 }
    }

    /// The sums as amounts: absent where no line reported the column (the seven amounts then zero, as the grouped
    /// tables always read them).
    var amounts: ExecutionAmounts {
        func money(_ sum: Int) -> Money? {
            reported & (1 << sum) == 0 ? nil : Money(centavos: totals[sum])
        }
        var monthly = MonthlyAmounts()
        for month in 1...12 { monthly[month] = money(6 + month) }
        return ExecutionAmounts(
            asignado: money(0) ?? .zero, modificado: money(1) ?? .zero, vigente: money(2) ?? .zero,
            precomprometido: money(3), comprometido: money(4), devengado: money(5) ?? .zero,
            pagado: money(6) ?? .zero, devengadoMensual: monthly)
    }
}
