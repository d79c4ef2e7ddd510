import Domain
import Foundation

/// Every indicator the tool knows, in id order. All twenty are computed; ``pending`` stays so an indicator can be
/// described (in help, README and runs) before it is computed.
public enum IndicatorRegistry {
    /// The computed indicators.
    static let computed: [any RedFlagIndicator.Type] = [
        SplitByRenglon.self, SplitBySupplier.self, SplitBySimilarObject.self, YearlyDirectPurchases.self,
        BunchingBelowThreshold.self, RepeatedPurchase.self, AmountAboveModalityRange.self, SingleBidder.self,
        NonCompetitiveShare.self, ShortOfferPeriod.self, UnusualDecisionPeriod.self, AmountOutlier.self,
        RunnerUpGap.self, IdenticalBids.self, DominantSupplier.self, HeterogeneousSupplier.self,
        NewSupplierLargeAward.self, SpendingAboveAward.self, SpendingWithoutProcurement.self, YearEndDirectSpike.self,
    ]

    /// Indicator ids from the most to the least work on a national year (CPU share in the profile of
    /// `Scripts/bench-banderas`). The engine hands them to its threads in this order, so the long ones start first
    /// and the short ones fill in at the end: in id order the two heaviest budget-linked ones started last and one
    /// core sat idle while the other finished them. Only the schedule depends on it, never the results.
    static let heaviestFirst: [String] = [
        "TR03", "TR19", "TR01", "TR15", "TR02", "TR06", "TR04", "TR16", "TR18", "TR12", "TR11", "TR13", "TR14", "TR05",
        "TR17", "TR09", "TR08", "TR20", "TR10", "TR07",
    ]

    /// The indicators defined but not computed yet.
    static let pending: [RedFlagIndicatorInfo] = []

    /// Every indicator's description, computed and pending, in id order.
    public static var all: [RedFlagIndicatorInfo] { computed.map { $0.info } + pending }

    /// Each computed indicator's parameters with their defaults (for help texts and the settings sample).
    public static var defaultParameters: [String: [RedFlagParameter]] {
        Dictionary(
            uniqueKeysWithValues: computed.map { ($0.info.id, IndicatorParameters(specs: $0.parameterSpecs).described) }
        )
    }

    /// The computed indicators named by `ids` (all when nil or empty), in registry order.
    /// - Throws: ``RedFlagsError/unknownIndicator(_:)`` or ``RedFlagsError/pendingIndicator(id:reason:)``.
    static func select(_ ids: [String]?) throws -> [any RedFlagIndicator.Type] {
        guard let ids, !ids.isEmpty else { return computed }
        let wanted = Set(ids.map { $0.uppercased() })
        for id in wanted.sorted() {
            if computed.contains(where: { $0.info.id == id }) { continue }
            if let info = pending.first(where: { $0.id == id }), case .pending(let reason) = info.availability {
                throw RedFlagsError.pendingIndicator(id: id, reason: reason)
            }
            throw RedFlagsError.unknownIndicator(id)
        }
        return computed.filter { wanted.contains($0.info.id) }
    }
}
