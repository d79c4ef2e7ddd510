import Domain
import Foundation

/// Canonical JSON of a procurement (sorted keys, dates in Guatemala time): the snapshot `release_history` keeps
/// of the state a re-import replaced.
enum ProcurementContentHash {
    static func canonicalJSON(_ procurement: Procurement) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ProcurementDate.isoString(date))
        }
        return try encoder.encode(procurement)
    }
}
