import Foundation

/// A bid as the red-flag indicators read it.
public struct FlagBid: Hashable, Sendable {
    public var tendererID: String
    public var tendererName: String
    /// nil when not given (Guatecompras' `0.0` placeholders are stored as not given).
    public var amount: Money?
    /// OCDS status (`valid`, `disqualified`, `pending`, `invited`, `withdrawn`); nil when the source has none.
    public var status: String?

    /// Creates a bid.
    public init(tendererID: String, tendererName: String, amount: Money?, status: String? = nil) {
        self.tendererID = tendererID
        self.tendererName = tendererName
        self.amount = amount
        self.status = status
    }
}
