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
        let name = Self.groupName(repair.field)
        if let position = index[name] {
            fields[position].count += 1
            if fields[position].examples.count < Self.examplesPerField { fields[position].examples.append(repair) }
            return
        }
        index[name] = fields.count
        fields.append(Field(field: name, count: 1, examples: [repair]))
    }

    /// The field a repair belongs to, whatever element it was in: `records[3].compiledRelease.bids.details[1].value`
    /// and `records[9].bids.details[0].value` are both `bids.details.value`.
    static func groupName(_ field: String) -> String {
        // Bytes, not Characters: a large file repairs thousands of values and this runs for each of them.
        var parts: [[UInt8]] = [[]]
        var inIndex = false
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "["): inIndex = true
            case UInt8(ascii: "]"): inIndex = false
            case UInt8(ascii: ".") where !inIndex: parts.append([])
            default: if !inIndex { parts[parts.count - 1].append(byte) }
            }
        }
        let kept = parts.filter { !$0.isEmpty }.drop(while: { containerNames.contains($0) })
        return kept.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
    }

    private static let containerNames: Set<[UInt8]> = Set(
        ["records", "releases", "compiledRelease", "$"].map { Array($0.utf8) })
}
