import Domain
import Foundation

/// One group's current budget lines added up in Swift as SQL's `SUM` and `COUNT` add them up, while the rows are
/// stepped: a national year is a million lines, and SQLite's nineteen aggregate calls per line (and the sort of its
/// GROUP BY) cost more than reading the rows.
///
/// A column no line of the group reports (precomprometido, comprometido, a month) stays absent, as SQL's `SUM` over
/// only NULLs is NULL. A sum that leaves 64-bit centavos sets ``overflow``, where SQLite stopped with «integer
/// overflow»; the caller then gives up as it did on SQLite's error. Lines come read (``LineAmounts``).
struct ExecutionSums {
    /// The seven amounts, in the order read; precomprometido and comprometido may be NULL.
    private static let amountColumns = [
        "asignado", "modificado", "vigente", "precomprometido", "comprometido", "devengado", "pagado",
    ]

    /// What ``LineAmounts/read(_:amounts:months:)`` reads from one column on, of `budget_snapshot_line` under
    /// `alias`: the seven amounts, then ``monthColumns(_:)``.
    static func columns(_ alias: String) -> [String] {
        amountColumns.map { "\(alias).\($0)" } + monthColumns(alias)
    }

    /// Whether the line has no month at all, then devengado of each month, of `budget_snapshot_line` under `alias`.
    static func monthColumns(_ alias: String) -> [String] {
        let monthColumns = BudgetSnapshotLineRecord.monthColumnNames.map { "\(alias).\($0)" }
        let withoutMonths = "(" + monthColumns.map { "\($0) IS NULL" }.joined(separator: " AND ") + ")"
        return [withoutMonths] + monthColumns
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

    /// Adds one line's amounts, read once for every sum that takes them.
    mutating func add(_ line: LineAmounts) {
        lines += 1
        var overflow: MoneyOverflowError?
        totals.withUnsafeMutableBufferPointer { totals in
            line.values.withUnsafeBufferPointer { values in
                for sum in 0..<19 where line.reported & (1 << sum) != 0 {
                    let (total, overflowed) = totals[sum].addingReportingOverflow(values[sum])
                    if overflowed && overflow == nil {
                        overflow = MoneyOverflowError(
                            lhs: Money(centavos: totals[sum]), rhs: Money(centavos: values[sum]), operation: .addition)
                    }
                    totals[sum] = total
                }
            }
        }
        reported |= line.reported
        if self.overflow == nil { self.overflow = overflow }
        if line.withoutMonths { linesWithoutMonths += 1 }
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
