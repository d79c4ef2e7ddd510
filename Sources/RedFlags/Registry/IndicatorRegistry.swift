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
