import Foundation

/// One bid (oferta) received in a procurement (OCDS bid extension, `bids.details[]`).
///
/// Bidders are not suppliers: only awards say who won.
public struct ProcurementBid: Hashable, Sendable, Codable {
    /// The published bid id.
    public var id: String?
    /// Who bid.
    public var tenderer: Supplier
    /// The offered amount; nil when not given. Guatecompras publishes `0.0` for bids whose amount it does not
    /// disclose (most of 2020–2024), which is "not given", never a zero offer.
    public var amount: Money?
    /// OCDS status (`valid`, `disqualified`, …).
    public var status: String?
    /// When the bid was made.
    public var date: Date?

    /// Creates a bid.
    public init(id: String? = nil, tenderer: Supplier, amount: Money?, status: String? = nil, date: Date? = nil) {
        self.id = id
        self.tenderer = tenderer
        self.amount = amount
        self.status = status
        self.date = date
    }
}
