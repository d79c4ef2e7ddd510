import Foundation

/// An award as the red-flag indicators read it: supplier, amount, status and date only.
public struct FlagAward: Hashable, Sendable {
    /// The supplier's id (NIT, GCID, or an id in no known scheme).
    public var supplierID: String
    public var supplierName: String
    /// nil when the source gave no amount.
    public var amount: Money?
    /// OCDS status (`active`, `cancelled`, `pending`, `unsuccessful`); nil in flat exports and NPG evidence.
    public var status: String?
    public var date: Date?

    /// Creates an award.
    public init(supplierID: String, supplierName: String, amount: Money?, status: String? = nil, date: Date? = nil) {
        self.supplierID = supplierID
        self.supplierName = supplierName
        self.amount = amount
        self.status = status
        self.date = date
    }

    /// True unless cancelled or unsuccessful (a missing status counts as active, as in ``Award/isActive``).
    public var isActive: Bool {
        guard let status = status?.lowercased() else { return true }
        return status != "cancelled" && status != "unsuccessful"
    }
}
