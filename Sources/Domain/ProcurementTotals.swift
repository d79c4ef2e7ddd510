import Foundation

/// Totals of a list of procurements by one key (modality or status): processes, awarded processes, awarded amount.
public struct ProcurementTotals: Hashable, Sendable, Codable {
    /// One group's totals.
    public struct Row: Hashable, Sendable, Codable {
        /// The key (`compra_directa_oferta_electronica`, `Adjudicado`, or `(sin dato)`).
        public var key: String
        /// A readable label for the key.
        public var label: String
        /// Processes in the group.
        public var processes: Int
        /// Processes with at least one active award.
        public var awardedProcesses: Int
        /// Sum of active awards with a known amount.
        public var awardedAmount: Money
        /// Active awards whose amount is not given (so the sum is a lower bound when this is not zero).
        public var awardsWithoutAmount: Int

        /// A group's totals as they were added up elsewhere (by SQL in the ledger).
        public init(
            key: String, label: String, processes: Int, awardedProcesses: Int, awardedAmount: Money,
            awardsWithoutAmount: Int
        ) {
            self.key = key
            self.label = label
            self.processes = processes
            self.awardedProcesses = awardedProcesses
            self.awardedAmount = awardedAmount
            self.awardsWithoutAmount = awardsWithoutAmount
        }
    }

    /// One row per group, largest awarded amount first.
    public var rows: [Row]
    /// All groups together.
    public var total: Row

    /// Groups procurements by `key`, labelled by `label`, largest awarded amount first.
    /// - Throws: ``MoneyOverflowError`` when the awarded amounts add up beyond 64-bit centavos (a ledger
    ///   holding amounts no real file has).
    public init(
        _ procurements: [Procurement], key: (Procurement) -> String?, label: (String) -> String
    ) throws(MoneyOverflowError) {
        var accumulator = Accumulator()
        for procurement in procurements { try accumulator.add(procurement, key: key, label: label) }
        self = accumulator.totals
    }

    /// Totals of groups already added up (by SQL in the ledger), largest awarded amount first, with their total.
    /// - Throws: ``MoneyOverflowError`` when the groups' awarded amounts add up beyond 64-bit centavos.
    public init(groups: [Row]) throws(MoneyOverflowError) {
        var total = Row(
            key: "total", label: "Total", processes: 0, awardedProcesses: 0, awardedAmount: .zero,
            awardsWithoutAmount: 0)
        for group in groups {
            total.processes += group.processes
            total.awardedProcesses += group.awardedProcesses
            try total.awardedAmount += group.awardedAmount
            total.awardsWithoutAmount += group.awardsWithoutAmount
        }
        self.init(rows: groups.sorted(by: Self.largestFirst), total: total)
    }

    /// Largest awarded amount first, then by key.
    static func largestFirst(_ lhs: Row, _ rhs: Row) -> Bool {
        (lhs.awardedAmount, rhs.key) > (rhs.awardedAmount, lhs.key)
    }

    /// Totals built one procurement at a time, so a year of them never needs to be held to add it up.
    public struct Accumulator: Sendable {
        private var groups: [String: Row] = [:]
        private var total = Row(
            key: "total", label: "Total", processes: 0, awardedProcesses: 0, awardedAmount: .zero,
            awardsWithoutAmount: 0)

        /// No procurement yet.
        public init() {}

        /// Adds one procurement to its group (by `key`, labelled by `label` the first time the group is seen).
        /// - Throws: ``MoneyOverflowError`` when the awarded amounts add up beyond 64-bit centavos.
        public mutating func add(
            _ procurement: Procurement, key: (Procurement) -> String?, label: (String) -> String
        ) throws(MoneyOverflowError) {
            let groupKey = key(procurement) ?? "(sin dato)"
            var row =
                groups[groupKey]
                ?? Row(
                    key: groupKey, label: groupKey == "(sin dato)" ? groupKey : label(groupKey), processes: 0,
                    awardedProcesses: 0, awardedAmount: .zero, awardsWithoutAmount: 0)
            let active = procurement.awards.filter(\.isActive)
            let amount = try Money.sum(active.compactMap(\.amount))
            let missing = active.filter { $0.amount == nil }.count
            for index in [0, 1] {
                var target = index == 0 ? row : total
                target.processes += 1
                if !active.isEmpty { target.awardedProcesses += 1 }
                try target.awardedAmount += amount
                target.awardsWithoutAmount += missing
                if index == 0 { row = target } else { total = target }
            }
            groups[groupKey] = row
        }

        /// The groups so far, largest awarded amount first, and their total.
        public var totals: ProcurementTotals {
            ProcurementTotals(
                rows: groups.values.sorted(by: ProcurementTotals.largestFirst), total: total)
        }

        /// True until a procurement is added.
        public var isEmpty: Bool { total.processes == 0 }
    }

    private init(rows: [Row], total: Row) {
        self.rows = rows
        self.total = total
    }
}
