import Foundation

/// Quantiles and Tukey fences as Cardinal computes them (statrs 0.16 `Data::quantile`: Hyndman–Fan type 8,
/// h = (n + 1/3)·τ + 1/3, linear interpolation), so peer thresholds match Cardinal's on the same data.
///
/// Ratios, shares and logarithms are statistics, not money: they are computed in `Double` like Cardinal does;
/// amounts themselves stay in centavos.
enum Quantile {
    /// The τ-quantile of `values` (NaN when empty).
    static func type8(_ values: [Double], _ tau: Double) -> Double {
        type8(sorted: values.sorted(), tau)
    }

    /// The τ-quantile of already sorted values.
    static func type8(sorted: [Double], _ tau: Double) -> Double {
        guard !sorted.isEmpty, (0...1).contains(tau) else { return .nan }
        let n = Double(sorted.count)
        let h = (n + 1.0 / 3.0) * tau + 1.0 / 3.0
        let hf = Int(h)  // truncation, as Rust's `as i64`
        if hf <= 0 || tau == 0 { return sorted[0] }
        if hf >= sorted.count || tau == 1 { return sorted[sorted.count - 1] }
        let a1 = sorted[hf - 1]
        let a2 = sorted[hf]
        return a1 + (h - Double(hf)) * (a2 - a1)
    }
}

/// Q1, Q3 and Tukey fences of a sample.
struct TukeyFences: Hashable, Sendable {
    let q1: Double
    let q3: Double
    let count: Int

    init(_ values: [Double]) {
        let sorted = values.sorted()
        q1 = Quantile.type8(sorted: sorted, 0.25)
        q3 = Quantile.type8(sorted: sorted, 0.75)
        count = values.count
    }

    var iqr: Double { q3 - q1 }
    /// Q3 + k·IQR.
    func upper(_ k: Double = 1.5) -> Double { q3 + k * iqr }
    /// Q1 − k·IQR.
    func lower(_ k: Double = 1.5) -> Double { q1 - k * iqr }
}
