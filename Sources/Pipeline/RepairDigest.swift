import Domain
import Foundation

/// Values repaired on the way in, counted by field with a few examples each: what «valores reparados 56» means.
public struct RepairDigest: Sendable {
    /// The repairs of one field.
    public struct Field: Sendable {
        public var field: String
        public var count: Int
        /// The first repairs, as read and as stored.
        public var examples: [ValueRepair]
    }

    /// Examples kept per field.
    public static let examplesPerField = 2

    public private(set) var fields: [Field] = []
    private var index: [String: Int] = [:]
    /// Repairs counted.
    public private(set) var total = 0

    public init() {}

    public mutating func add(_ repair: ValueRepair) {
        total += 1
        if let position = index[repair.field] {
            fields[position].count += 1
            if fields[position].examples.count < Self.examplesPerField { fields[position].examples.append(repair) }
            return
        }
        index[repair.field] = fields.count
        fields.append(Field(field: repair.field, count: 1, examples: [repair]))
    }
}
