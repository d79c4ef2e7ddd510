import Foundation

/// Splits a whole number of units (centavos, or billionths of a share) among parts in proportion to integer
/// weights, exactly: the parts always add up to the whole.
///
/// The rule (Hamilton's largest-remainder method), the one every split in the tool uses:
/// 1. each part gets ⌊total × wᵢ ÷ W⌋ units, where W = Σ wᵢ;
/// 2. the units left over (fewer than the number of parts) go one each to the parts with the largest
///    remainders (total × wᵢ mod W);
/// 3. equal remainders go to the part listed first.
///
/// Q100.00 in three equal parts is Q33.34, Q33.33, Q33.33. A negative total is split as its magnitude and each
/// part negated. A part with weight 0 gets 0. The products are computed in 128 bits, so no total or weight in
/// `Int64` overflows.
public enum LargestRemainder {
    /// The parts of `total`, one per weight, in the weights' order; nil when a weight is negative or all are 0.
    public static func split(_ total: Int64, weights: [Int64]) -> [Int64]? {
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 }) else { return nil }
        var sum: UInt64 = 0
        for weight in weights {
            let (added, overflow) = sum.addingReportingOverflow(UInt64(weight))
            guard !overflow else { return nil }
            sum = added
        }
        guard sum > 0 else { return nil }
        let magnitude = total.magnitude
        var parts: [UInt64] = []
        var remainders: [UInt64] = []
        parts.reserveCapacity(weights.count)
        remainders.reserveCapacity(weights.count)
        for weight in weights {
            // weight ≤ sum, so the quotient is at most `magnitude` and fits.
            let product = magnitude.multipliedFullWidth(by: UInt64(weight))
            let (quotient, remainder) = sum.dividingFullWidth(product)
            parts.append(quotient)
            remainders.append(remainder)
        }
        var leftover = magnitude - parts.reduce(0, +)
        if leftover > 0 {
            let order = remainders.indices.sorted {
                remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1
            }
            for index in order where leftover > 0 && weights[index] > 0 {
                parts[index] += 1
                leftover -= 1
            }
        }
        return parts.map { total < 0 ? -Int64($0) : Int64($0) }
    }
}
