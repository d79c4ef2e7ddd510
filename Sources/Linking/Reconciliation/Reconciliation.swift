import Domain
import Foundation

/// Execution beside linked purchases, by product, expense group, renglón or month, for one fiscal year (or a
/// month or cuatrimestre of it).
///
/// The rows add up to what was imported: the key rows plus the ``ReconciliationRow/Kind/withoutKey`` rows hold all
/// the execution in scope, and with the ``ReconciliationRow/Kind/unlinkedPurchases`` row all the awarded amount of
/// the purchases in scope (exactly, as long as no purchase is linked for more than its award). The
/// ``ReconciliationRow/Kind/executionWithoutPurchase`` row is a view of the same execution, never added to it.
public struct Reconciliation: Sendable {
    public var grouping: ReconciliationGrouping
    public var ejercicio: Int
    public var period: Period?
    /// Key rows in key order, then the rows without key, then the two lines that are never hidden.
    public var rows: [ReconciliationRow]

    /// - Parameters:
    ///   - grouping: what to add up by.
    ///   - ejercicio: the fiscal year.
    ///   - period: a month or cuatrimestre: purchases dated in it (award date, else publication date) count.
    ///   - lines: the year's budget lines in scope, current amounts (with monthly devengado for a period or months).
    ///   - products: the year's products (every product gets a row when grouping by product).
    ///   - links: the year's links.
    ///   - procurements: the purchases in scope (the year's, of the institution's buying units).
    public init(
        grouping: ReconciliationGrouping, ejercicio: Int, period: Period? = nil, lines: [BudgetLine],
        products: [Product], links: [ProcurementLink], procurements: [LinkableProcurement]
    ) throws {
        try self.init(
            lines: lines, products: products,
            purchases: ReconciliationPurchases(
                grouping: grouping, ejercicio: ejercicio, period: period, links: links, procurements: procurements))
    }

    /// The execution added to the purchases' side, worked out apart (``ReconciliationPurchases``): the same rows as
    /// ``init(grouping:ejercicio:period:lines:products:links:procurements:)``.
    public init(lines: [BudgetLine], products: [Product], purchases: ReconciliationPurchases) throws {
        var execution = ReconciliationExecution(
            grouping: purchases.grouping, ejercicio: purchases.ejercicio, period: purchases.period, products: products)
        for line in lines { try execution.add(line) }
        try self.init(execution: execution, products: products, purchases: purchases)
    }

    /// Both sides added up apart, as they stream (``ReconciliationExecution``, ``ReconciliationPurchases``): the
    /// same rows as ``init(lines:products:purchases:)``. The execution must hold the purchases' grouping, and be of
    /// the same year and period.
    public init(execution: ReconciliationExecution, products: [Product], purchases: ReconciliationPurchases) throws {
        let (grouping, ejercicio, period) = (purchases.grouping, purchases.ejercicio, purchases.period)
        guard let executionRows = execution.rows[grouping] else {
            preconditionFailure("the execution was not added up by \(grouping.rawValue)")
        }
        precondition(
            execution.ejercicio == ejercicio && execution.period == period,
            "the execution and the purchases of a reconciliation must share year and period")
        self.grouping = grouping
        self.ejercicio = ejercicio
        self.period = period
        let months = period?.months ?? 1...12

        // The purchases' rows (which hold no execution) with the execution's sums: a row either side makes is the
        // same row.
        var keyed = purchases.keyed
        var unkeyed = purchases.unkeyed
        for (key, row) in executionRows.keyed { keyed[key, default: row].execution = row.execution }
        for (key, row) in executionRows.unkeyed { unkeyed[key, default: row].execution = row.execution }

        // Execution that no linked purchase explains, at budget-line level (product's structure and renglón).
        let withoutPurchase = ReconciliationRow(
            kind: .executionWithoutPurchase, key: ReconciliationRow.Kind.executionWithoutPurchase.rawValue,
            execution: try execution.withoutPurchase(explained: purchases.explained))

        // Every product and every month of the scope has a row, even an empty one.
        if grouping == .producto {
            for product in products where product.ejercicio == ejercicio && keyed[product.code] == nil {
                keyed[product.code] = ReconciliationRow(kind: .key, key: product.code, execution: .zero)
            }
        }
        if grouping == .mes {
            for month in months where keyed[Self.monthKey(month)] == nil {
                keyed[Self.monthKey(month)] = ReconciliationRow(
                    kind: .key, key: Self.monthKey(month), execution: Self.devengadoOnly(.zero, month: month),
                    devengadoOnly: true)
            }
        }
        for (key, count) in purchases.keyedPurchases { keyed[key]?.purchases = count }
        for (key, count) in purchases.unkeyedPurchases { unkeyed[key]?.purchases = count }
        rows =
            keyed.values.sorted { $0.key < $1.key } + unkeyed.values.sorted { $0.key < $1.key } + [
                purchases.unlinked, withoutPurchase,
            ]
    }

    /// `01`…`12`.
    static func monthKey(_ month: Int) -> String { month < 10 ? "0\(month)" : String(month) }

    /// Amounts holding only a devengado (what a month row can hold).
    static func devengadoOnly(_ devengado: Money, month: Int?) -> ExecutionAmounts {
        ExecutionAmounts(
            asignado: .zero, modificado: .zero, vigente: .zero, devengado: devengado, pagado: .zero,
            devengadoMensual: month.map { [$0: devengado] } ?? [:])
    }

    /// The key rows and the rows without key: together they hold all the execution of the scope.
    public var placedRows: [ReconciliationRow] { rows.filter { $0.kind == .key || $0.kind == .withoutKey } }
}
