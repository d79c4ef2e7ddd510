import Domain
import Foundation

/// Bid and award rules shared by the Cardinal-derived indicators (TR08, TR13, TR14), as Cardinal defines them.
enum BidRules {
    /// Submitted bids: every status but `invited` and `withdrawn` (a missing status counts as submitted).
    static func submitted(_ bids: [FlagBid]) -> [FlagBid] {
        bids.filter { bid in
            let status = bid.status?.lowercased()
            return status != "invited" && status != "withdrawn" && !bid.tendererID.isEmpty
        }
    }

    /// Valid bids with an amount that is not a placeholder (Cardinal's "valid bids with value"); a missing
    /// status counts as valid, since only OCDS publishes one.
    static func validWithAmount(_ bids: [FlagBid], redacted: Set<Int64>) -> [(id: String, name: String, amount: Money)]
    {
        bids.compactMap { bid in
            guard bid.status.map({ $0.lowercased() == "valid" }) ?? true, let amount = bid.amount,
                !redacted.contains(amount.centavos), !bid.tendererID.isEmpty
            else { return nil }
            return (bid.tendererID, bid.tendererName, amount)
        }
    }

    /// True when the process was cancelled (Cardinal leaves these out of every indicator).
    static func isCancelled(_ fact: PurchaseFacts) -> Bool { fact.isCancelled }

    /// The modalities where bid prices compare (Cardinal's `price_comparison_procurement_methods`): an empty list
    /// compares every modality.
    static func comparesPrices(_ fact: PurchaseFacts, allowed: Set<String>) -> Bool {
        guard !allowed.isEmpty else { return true }
        return fact.modalityCode.map(allowed.contains) ?? false
    }

    /// Placeholder amounts from a parameter list of amounts (`["0.00", "99999999.00"]`), in centavos.
    static func redacted(_ texts: [String]) -> Set<Int64> {
        Set(texts.compactMap { try? Money(parsing: $0).centavos })
    }
}
