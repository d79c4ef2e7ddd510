import Foundation

/// Human-readable byte counts for messages and progress (`35.2 MB`), decimal units like curl's.
public enum ByteCount {
    /// Formats a byte count with one decimal in the largest unit that keeps it at or above 1.
    public static func text(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var unitIndex = 0
        var scaled = bytes
        var tenths: Int64 = 0
        // Integer arithmetic only: one decimal from the remainder of the last division.
        while scaled >= 1000, unitIndex < units.count - 1 {
            tenths = (scaled % 1000) / 100
            scaled /= 1000
            unitIndex += 1
        }
        return unitIndex == 0 ? "\(bytes) B" : "\(scaled).\(tenths) \(units[unitIndex])"
    }

    /// Parses `500`, `500k`, `35M`, `2G` (decimal units, case-insensitive, optional trailing `B`).
    public static func parse(_ text: String) -> Int64? {
        var body = text.trimmingCharacters(in: .whitespaces).uppercased()
        if body.hasSuffix("B") { body.removeLast() }
        let multipliers: [Character: Int64] = ["K": 1_000, "M": 1_000_000, "G": 1_000_000_000, "T": 1_000_000_000_000]
        var multiplier: Int64 = 1
        if let last = body.last, let factor = multipliers[last] {
            multiplier = factor
            body.removeLast()
        }
        guard let value = Int64(body), value >= 0 else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}
