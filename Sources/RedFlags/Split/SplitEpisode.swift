import Domain
import Foundation

/// Purchases read together as one possible split purchase: the union of overlapping windows that each qualify,
/// with the strongest window (largest sum) kept for the severity and the value.
struct SplitEpisode: Sendable {
    /// Every member of the merged windows, in date order.
    let members: [SplitMember]
    /// The members of the strongest window.
    let best: [SplitMember]
    let bestSum: Money
    /// The largest ceiling among the strongest window's members: the threshold its sum went over.
    let ceiling: Money
}
