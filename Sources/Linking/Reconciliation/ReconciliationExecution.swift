import Domain
import Foundation

/// The execution's side of a ``Reconciliation``, added up as the budget lines stream past: the grouping's rows,
/// and what the ``ReconciliationRow/Kind/executionWithoutPurchase`` row needs once the purchases are placed.
///
/// Which lines a linked purchase explains (its product's structure and renglón) is known only after every
/// purchase is placed, on another thread; until then each line under a product keeps just its product, renglón
/// and amounts. Holding the lines themselves (codes, names, amounts, and an array doubling as it grew) was most
/// of a national export's peak memory.
public struct ReconciliationExecution: Sendable {
    /// What the rows are added up by: one or several groupings from the same lines (an export writes the four
    /// reconciliations of a year from one read).
    public let groupings: [ReconciliationGrouping]
    public let ejercicio: Int
    public let period: Period?
    /// Each grouping's rows, holding only execution (no purchases yet).
    var rows: [ReconciliationGrouping: GroupedRows]
    /// Execution on structures no product maps to: no purchase can explain it.
    var withoutProduct = ExecutionAmounts.zero
    /// Each line under a product, in the order given.
    private var productLines = ChunkedArray<ProductLine>()
    /// The product of each structure (the first code in order when several map to one), as an index into
    /// `productCodes`.
    private let productByStructure: [BudgetStructure: Int32]
    private let productCodes: [String]

    /// What the execution-without-purchase row needs of a line under a product.
    private struct ProductLine: Sendable {
        var product: Int32
        var renglon: Renglon
        var amounts: ExecutionAmounts
    }

    /// - Parameters:
    ///   - groupings: what to add up by.
    ///   - ejercicio: the fiscal year (lines of other years are ignored).
    ///   - period: a month or cuatrimestre: the months a month row covers.
    ///   - products: the year's products, which map structures to product codes.
    public init(groupings: [ReconciliationGrouping], ejercicio: Int, period: Period?, products: [Product]) {
        // A grouping named twice is added up once.
        var seen = Set<ReconciliationGrouping>()
        self.groupings = groupings.filter { seen.insert($0).inserted }
        self.ejercicio = ejercicio
        self.period = period
        rows = Dictionary(groupings.map { ($0, GroupedRows()) }, uniquingKeysWith: { first, _ in first })
        let codes = products.filter { $0.ejercicio == ejercicio }.sorted { $0.code < $1.code }
        productCodes = codes.map(\.code)
        productByStructure = Dictionary(
            codes.enumerated().map { ($1.structure, Int32($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// One grouping's execution.
    public init(grouping: ReconciliationGrouping, ejercicio: Int, period: Period?, products: [Product]) {
        self.init(groupings: [grouping], ejercicio: ejercicio, period: period, products: products)
    }

    /// Adds one budget line's current amounts.
    public mutating func add(_ line: BudgetLine) throws {
        guard line.key.ejercicio == ejercicio else { return }
        let product = productByStructure[line.key.structure]
        for grouping in groupings {
            switch grouping {
            case .producto:
                try rows[grouping]?.add(
                    product.map { productCodes[Int($0)] }, line.amounts, unkeyedCode: "sin_producto")
            case .grupo: try rows[grouping]?.add(line.key.renglon.grupo.rawValue, line.amounts, unkeyedCode: "")
            case .renglon: try rows[grouping]?.add(line.key.renglon.rawValue, line.amounts, unkeyedCode: "")
            case .mes: try rows[grouping]?.addMonths(line.amounts, months: period?.months ?? 1...12)
            }
        }
        if let product {
            productLines.append(ProductLine(product: product, renglon: line.key.renglon, amounts: line.amounts))
        } else {
            withoutProduct = try withoutProduct + line.amounts
        }
    }

    /// The execution on lines no linked purchase points at (product's structure and renglón), given the
    /// renglones linked purchases point at by product code.
    func withoutPurchase(explained: [String: Set<String>]) throws -> ExecutionAmounts {
        var total = withoutProduct
        for line in productLines
        where explained[productCodes[Int(line.product)]]?.contains(line.renglon.rawValue) != true {
            total = try total + line.amounts
        }
        return total
    }
}

/// One grouping's rows of execution: by key, and without key.
struct GroupedRows: Sendable {
    var keyed: [String: ReconciliationRow] = [:]
    var unkeyed: [String: ReconciliationRow] = [:]

    mutating func add(
        _ key: String?, _ amounts: ExecutionAmounts, unkeyedCode: String, devengadoOnly: Bool = false
    ) throws {
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

    /// A month row holds only devengado; a line without months goes to `sin_mes` (when it has any devengado).
    mutating func addMonths(_ amounts: ExecutionAmounts, months: ClosedRange<Int>) throws {
        if amounts.devengadoMensual.isEmpty {
            if amounts.devengado != .zero {
                try add(
                    nil, Reconciliation.devengadoOnly(amounts.devengado, month: nil), unkeyedCode: "sin_mes",
                    devengadoOnly: true)
            }
            return
        }
        for month in months {
            let devengado = amounts.devengadoMensual[month] ?? .zero
            try add(
                Reconciliation.monthKey(month), Reconciliation.devengadoOnly(devengado, month: month), unkeyedCode: "",
                devengadoOnly: true)
        }
    }
}
