import Domain
import Foundation

/// The purchases' side of a ``Reconciliation``: each linked purchase's awarded and contracted amounts placed by
/// the grouping's key, the purchases nothing linked, and the budget lines (product and renglón) the links point
/// at. It needs only the links and purchases, so it can be worked out while the execution is still being read.
public struct ReconciliationPurchases: Sendable {
    public var grouping: ReconciliationGrouping
    public var ejercicio: Int
    public var period: Period?
    /// Rows by key and rows without key, holding only purchases (no execution yet).
    var keyed: [String: ReconciliationRow] = [:]
    var unkeyed: [String: ReconciliationRow] = [:]
    /// Purchases by row. Purchases are distinct by NOG, so a row's count is how many purchases placed a part in
    /// it: counted once per purchase and row, without keeping every row's set of NOGs.
    var keyedPurchases: [String: Int] = [:]
    var unkeyedPurchases: [String: Int] = [:]
    var unlinked = ReconciliationRow(kind: .unlinkedPurchases, key: ReconciliationRow.Kind.unlinkedPurchases.rawValue)
    /// Renglones linked purchases point at, by product code.
    var explained: [String: Set<String>] = [:]

    /// - Parameters:
    ///   - grouping: what to add up by.
    ///   - ejercicio: the fiscal year.
    ///   - period: a month or cuatrimestre: purchases dated in it (award date, else publication date) count.
    ///   - links: the year's links.
    ///   - procurements: the purchases in scope (the year's, of the institution's buying units).
    public init(
        grouping: ReconciliationGrouping, ejercicio: Int, period: Period? = nil, links: [ProcurementLink],
        procurements: [LinkableProcurement]
    ) throws {
        self.init(grouping: grouping, ejercicio: ejercicio, period: period)
        // Positions of each NOG's links in `links` (in their order): grouping copies of the links themselves cost
        // more than the rest of the reconciliation for a national year.
        var linkPositions: [String: [Int]] = [:]
        for index in links.indices where links[index].ejercicio == ejercicio {
            linkPositions[links[index].nog, default: []].append(index)
        }
        var seen = Set<String>()
        for procurement in procurements where seen.insert(procurement.nog).inserted {
            try add(procurement, links: (linkPositions[procurement.nog] ?? []).map { links[$0] })
        }
    }

    /// Nothing placed yet: purchases are then added one at a time with ``add(_:links:)``, as they stream.
    public init(grouping: ReconciliationGrouping, ejercicio: Int, period: Period? = nil) {
        self.grouping = grouping
        self.ejercicio = ejercicio
        self.period = period
    }

    /// Places one purchase in scope with its links of the year, in their order (none: the purchase is unlinked).
    /// Each purchase is added once; outside the period it counts for nothing.
    public mutating func add(_ procurement: LinkableProcurement, links: [ProcurementLink]) throws {
        try add(procurement, links: links, notingExplained: true)
    }

    /// ``add(_:links:)``, noting the budget lines the links explain only with `notingExplained`
    /// (``ReconciliationPurchasesBatch`` notes them once for every grouping).
    mutating func add(_ procurement: LinkableProcurement, links: [ProcurementLink], notingExplained: Bool) throws {
        let months = period?.months ?? 1...12
        if let period {
            guard let date = procurement.purchaseDate else { return }
            let civil = ProcurementDate.civil(date)
            guard civil.year == period.year && period.months.contains(civil.month) else { return }
        }
        let awarded = try procurement.awardedTotal ?? .zero
        let contracted = procurement.contractedTotal ?? .zero
        guard !links.isEmpty else {
            unlinked.purchases += 1
            try unlinked.awarded += awarded
            try unlinked.contracted += contracted
            return
        }
        var linkedAmount = Money.zero
        for link in links { try linkedAmount += link.amount }
        if linkedAmount < awarded { try unlinked.awarded += awarded - linkedAmount }
        // Nothing contracted splits into zeros: most purchases skip the split and its arrays.
        var contractParts: [Money] = []
        if contracted != .zero {
            var weights = links.map(\.share.billionths)
            weights.append(max(0, LinkShare.scale - weights.reduce(0, +)))
            contractParts = contracted.split(byWeights: weights) ?? []
            if let rest = contractParts.last, contractParts.count == weights.count {
                try unlinked.contracted += rest
            }
        }
        var placedKeys: [String] = []
        var placedUnkeyed: [String] = []
        for (position, link) in links.enumerated() {
            if notingExplained, let renglon = link.renglon {
                explained[link.productCode, default: []].insert(renglon.rawValue)
            }
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
                    $0.year == ejercicio && months.contains($0.month) ? Reconciliation.monthKey($0.month) : nil
                }
                unkeyedCode = "sin_fecha"
            }
            if let key {
                try Self.place(
                    link.amount, contractPart, at: key, kind: .key, monthly: grouping == .mes, in: &keyed,
                    placed: &placedKeys)
            } else {
                try Self.place(
                    link.amount, contractPart, at: unkeyedCode, kind: .withoutKey, monthly: grouping == .mes,
                    in: &unkeyed, placed: &placedUnkeyed)
            }
        }
        for key in placedKeys { keyedPurchases[key, default: 0] += 1 }
        for key in placedUnkeyed { unkeyedPurchases[key, default: 0] += 1 }
    }

    /// Adds a link's awarded amount and its part of the contracted amount to the row of `key` (made when missing),
    /// in place: a copy of each row out of its dictionary and back was a fifth of placing a national year. The
    /// row is unchanged when either sum overflows. Notes the key among those the purchase has a part in.
    private static func place(
        _ awarded: Money, _ contracted: Money, at key: String, kind: ReconciliationRow.Kind, monthly: Bool,
        in rows: inout [String: ReconciliationRow], placed: inout [String]
    ) throws(MoneyOverflowError) {
        try rows[key, default: ReconciliationRow(kind: kind, key: key, devengadoOnly: monthly)].addPart(
            awarded: awarded, contracted: contracted)
        if !placed.contains(key) { placed.append(key) }
    }
}

extension ReconciliationRow {
    /// Adds part of a purchase; unchanged when either sum overflows.
    fileprivate mutating func addPart(awarded more: Money, contracted part: Money) throws(MoneyOverflowError) {
        let (newAwarded, newContracted) = (try awarded + more, try contracted + part)
        (awarded, contracted) = (newAwarded, newContracted)
    }
}
