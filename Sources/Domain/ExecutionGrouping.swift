import Foundation

/// Budget lines added up by a dimension (expense group, renglón, program/activity), for reports and checks.
public struct ExecutionGrouping<Key: Hashable & Comparable & Sendable>: Sendable {
    /// One group: its key, its lines' amounts added, and how many lines it holds.
    public struct Group: Sendable {
        public var key: Key
        public var amounts: ExecutionAmounts
        public var lineCount: Int
        /// A name for the group taken from its lines (the first non-empty one), if any.
        public var name: String?
    }

    public var groups: [Group]

    /// Groups lines by `key`, naming each group with `name` (first non-empty), sorted by key.
    /// - Throws: ``MoneyOverflowError`` when a group's amounts add up beyond 64-bit centavos.
    public init(
        _ lines: [BudgetLine], key: (BudgetLine) -> Key, name: (BudgetLine) -> String? = { _ in nil }
    ) throws(MoneyOverflowError) {
        var byKey: [Key: Group] = [:]
        for line in lines {
            let k = key(line)
            var group = byKey[k] ?? Group(key: k, amounts: .zero, lineCount: 0, name: nil)
            group.amounts = try group.amounts + line.amounts
            group.lineCount += 1
            if group.name == nil, let text = name(line), !text.isEmpty { group.name = text }
            byKey[k] = group
        }
        groups = byKey.values.sorted { $0.key < $1.key }
    }

    /// Every group added up.
    /// - Throws: ``MoneyOverflowError`` when the groups add up beyond 64-bit centavos.
    public var total: ExecutionAmounts {
        get throws(MoneyOverflowError) {
            var sum = ExecutionAmounts.zero
            for group in groups { sum = try sum + group.amounts }
            return sum
        }
    }
}
