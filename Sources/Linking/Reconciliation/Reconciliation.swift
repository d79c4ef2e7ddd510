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
        let (grouping, ejercicio, period) = (purchases.grouping, purchases.ejercicio, purchases.period)
        self.grouping = grouping
        self.ejercicio = ejercicio
        self.period = period
        let months = period?.months ?? 1...12
        let productByStructure = Dictionary(
            products.filter { $0.ejercicio == ejercicio }.sorted { $0.code < $1.code }.map { ($0.structure, $0.code) },
            uniquingKeysWith: { first, _ in first })

        // The purchases' rows, to which the execution is added (a row either side makes is the same row).
        var keyed = purchases.keyed
        var unkeyed = purchases.unkeyed

        func addExecution(_ key: String?, _ amounts: ExecutionAmounts, unkeyedCode: String, devengadoOnly: Bool = false)
            throws
        {
            if let key {
                var row = keyed[key] ?? ReconciliationRow(kind: .key, key: key, devengadoOnly: devengadoOnly)
                row.execution = try (row.execution ?? .zero) + amounts
                keyed[key] = row
            } else {
                var row =
                    unkeyed[unkeyedCode]
                    ?? ReconciliationRow(kind: .withoutKey, key: unkeyedCode, devengadoOnly: devengadoOnly)
                row.execution = try (row.execution ?? .zero) + amounts
                unkeyed[unkeyedCode] = row
            }
        }

        // Execution.
        for line in lines where line.key.ejercicio == ejercicio {
            switch grouping {
            case .producto:
                try addExecution(productByStructure[line.key.structure], line.amounts, unkeyedCode: "sin_producto")
            case .grupo: try addExecution(line.key.renglon.grupo.rawValue, line.amounts, unkeyedCode: "")
            case .renglon: try addExecution(line.key.renglon.rawValue, line.amounts, unkeyedCode: "")
            case .mes:
                if line.amounts.devengadoMensual.isEmpty {
                    if line.amounts.devengado != .zero {
                        try addExecution(
                            nil, Self.devengadoOnly(line.amounts.devengado, month: nil), unkeyedCode: "sin_mes",
                            devengadoOnly: true)
                    }
                    continue
                }
                for month in months {
                    let devengado = line.amounts.devengadoMensual[month] ?? .zero
                    try addExecution(
                        Self.monthKey(month), Self.devengadoOnly(devengado, month: month), unkeyedCode: "",
                        devengadoOnly: true)
                }
            }
        }

        // Execution that no linked purchase explains, at budget-line level (product's structure and renglón).
        var withoutPurchase = ReconciliationRow(
            kind: .executionWithoutPurchase, key: ReconciliationRow.Kind.executionWithoutPurchase.rawValue,
            execution: .zero)
        for line in lines where line.key.ejercicio == ejercicio {
            let product = productByStructure[line.key.structure]
            if let product, purchases.explained[product]?.contains(line.key.renglon.rawValue) == true { continue }
            withoutPurchase.execution = try (withoutPurchase.execution ?? .zero) + line.amounts
        }

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
