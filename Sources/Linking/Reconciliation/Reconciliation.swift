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
        self.grouping = grouping
        self.ejercicio = ejercicio
        self.period = period
        let months = period?.months ?? 1...12
        let productByStructure = Dictionary(
            products.filter { $0.ejercicio == ejercicio }.sorted { $0.code < $1.code }.map { ($0.structure, $0.code) },
            uniquingKeysWith: { first, _ in first })

        var keyed: [String: ReconciliationRow] = [:]
        var unkeyed: [String: ReconciliationRow] = [:]
        // Purchases are distinct by NOG (see `universe`), so a row's purchase count is how many purchases placed a
        // part in it: counted once per purchase and row, without keeping every row's set of NOGs.
        var keyedPurchases: [String: Int] = [:]
        var unkeyedPurchases: [String: Int] = [:]
        var unlinked = ReconciliationRow(
            kind: .unlinkedPurchases, key: ReconciliationRow.Kind.unlinkedPurchases.rawValue)

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

        // Purchases.
        var seen = Set<String>()
        let universe = procurements.filter { procurement in
            guard seen.insert(procurement.nog).inserted else { return false }
            guard let period else { return true }
            guard let date = procurement.purchaseDate else { return false }
            let civil = ProcurementDate.civil(date)
            return civil.year == period.year && period.months.contains(civil.month)
        }
        // Positions of each NOG's links in `links` (in their order): grouping copies of the links themselves cost
        // more than the rest of the reconciliation for a national year.
        var linkPositions: [String: [Int]] = [:]
        for index in links.indices where links[index].ejercicio == ejercicio {
            linkPositions[links[index].nog, default: []].append(index)
        }
        // Budget lines a linked purchase points at: renglones by product code.
        var explained: [String: Set<String>] = [:]
        var placedKeys: [String] = []
        var placedUnkeyed: [String] = []
        for procurement in universe {
            let awarded = try procurement.awardedTotal ?? .zero
            let contracted = procurement.contractedTotal ?? .zero
            let positions = linkPositions[procurement.nog] ?? []
            guard !positions.isEmpty else {
                unlinked.purchases += 1
                try unlinked.awarded += awarded
                try unlinked.contracted += contracted
                continue
            }
            var linkedAmount = Money.zero
            for index in positions { try linkedAmount += links[index].amount }
            if linkedAmount < awarded { try unlinked.awarded += awarded - linkedAmount }
            // Nothing contracted splits into zeros: most purchases skip the split and its arrays.
            var contractParts: [Money] = []
            if contracted != .zero {
                var weights = positions.map { links[$0].share.billionths }
                weights.append(max(0, LinkShare.scale - weights.reduce(0, +)))
                contractParts = contracted.split(byWeights: weights) ?? []
                if let rest = contractParts.last, contractParts.count == weights.count {
                    try unlinked.contracted += rest
                }
            }
            placedKeys.removeAll(keepingCapacity: true)
            placedUnkeyed.removeAll(keepingCapacity: true)
            for (position, index) in positions.enumerated() {
                let link = links[index]
                if let renglon = link.renglon { explained[link.productCode, default: []].insert(renglon.rawValue) }
                let contractPart = position < contractParts.count - 1 ? contractParts[position] : .zero
                let key: String?
                let unkeyedCode: String
                switch grouping {
                case .producto: (key, unkeyedCode) = (link.productCode, "")
                case .grupo: (key, unkeyedCode) = (link.renglon?.grupo.rawValue, "sin_renglon")
                case .renglon: (key, unkeyedCode) = (link.renglon?.rawValue, "sin_renglon")
                case .mes:
                    let civil = procurement.purchaseDate.map(ProcurementDate.civil)
                    key = civil.flatMap {
                        $0.year == ejercicio && months.contains($0.month) ? Self.monthKey($0.month) : nil
                    }
                    unkeyedCode = "sin_fecha"
                }
                // Rows are added to in place (a copy out and back of each row was a fifth of this loop).
                if let key {
                    try Self.add(
                        link.amount, contractPart,
                        to: &keyed[
                            key,
                            default: ReconciliationRow(
                                kind: .key, key: key, devengadoOnly: grouping == .mes)])
                    if !placedKeys.contains(key) { placedKeys.append(key) }
                } else {
                    try Self.add(
                        link.amount, contractPart,
                        to: &unkeyed[
                            unkeyedCode,
                            default: ReconciliationRow(
                                kind: .withoutKey, key: unkeyedCode, devengadoOnly: grouping == .mes)])
                    if !placedUnkeyed.contains(unkeyedCode) { placedUnkeyed.append(unkeyedCode) }
                }
            }
            for key in placedKeys { keyedPurchases[key, default: 0] += 1 }
            for key in placedUnkeyed { unkeyedPurchases[key, default: 0] += 1 }
        }

        // Execution that no linked purchase explains, at budget-line level (product's structure and renglón).
        var withoutPurchase = ReconciliationRow(
            kind: .executionWithoutPurchase, key: ReconciliationRow.Kind.executionWithoutPurchase.rawValue,
            execution: .zero)
        for line in lines where line.key.ejercicio == ejercicio {
            let product = productByStructure[line.key.structure]
            if let product, explained[product]?.contains(line.key.renglon.rawValue) == true { continue }
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
        for (key, count) in keyedPurchases { keyed[key]?.purchases = count }
        for (key, count) in unkeyedPurchases { unkeyed[key]?.purchases = count }
        rows =
            keyed.values.sorted { $0.key < $1.key } + unkeyed.values.sorted { $0.key < $1.key } + [
                unlinked, withoutPurchase,
            ]
    }

    /// Adds a link's awarded amount and part of the contracted amount to a row; the row is unchanged when either
    /// sum overflows.
    private static func add(_ awarded: Money, _ contracted: Money, to row: inout ReconciliationRow)
        throws(MoneyOverflowError)
    {
        let (newAwarded, newContracted) = (try row.awarded + awarded, try row.contracted + contracted)
        (row.awarded, row.contracted) = (newAwarded, newContracted)
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
