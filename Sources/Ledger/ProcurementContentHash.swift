import Domain
import Foundation

/// Canonical JSON of a procurement and its 64-bit FNV-1a hash: equal hashes mean "nothing changed".
///
/// FNV is enough here: the hash only detects change between two states of the same NOG, it is not a security
/// boundary, and it keeps the ledger free of a crypto dependency.
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

    static func hash(_ data: Data) -> String {
        let value = data.withUnsafeBytes { bytes in
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
            return value
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
