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
        // Bytes, not Characters, and one pass into one buffer: a national file repairs a value in most of its
        // records, and this runs on the writing thread for each of them.
        var name: [UInt8] = []
        var part: [UInt8] = []
        name.reserveCapacity(field.utf8.count)
        part.reserveCapacity(32)
        var inIndex = false
        var leading = true
        func endPart() {
            defer { part.removeAll(keepingCapacity: true) }
            if part.isEmpty || (leading && containerNames.contains(part)) { return }
            leading = false
            if !name.isEmpty { name.append(UInt8(ascii: ".")) }
            name.append(contentsOf: part)
        }
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "["): inIndex = true
            case UInt8(ascii: "]"): inIndex = false
            case UInt8(ascii: ".") where !inIndex: endPart()
            default: if !inIndex { part.append(byte) }
            }
        }
        endPart()
        return String(decoding: name, as: UTF8.self)
    }

    private static let containerNames: Set<[UInt8]> = Set(
        ["records", "releases", "compiledRelease", "$"].map { Array($0.utf8) })
}
