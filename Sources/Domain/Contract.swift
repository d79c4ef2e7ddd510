import Foundation

/// A contract signed after an award (OCDS `contracts[]`; rare in Guatecompras data).
public struct Contract: Hashable, Sendable, Codable {
    /// The published contract id (`NOG-<NOG>-CON-<hex>`).
    public var id: String?
    /// The award this contract implements (`GT-ADJ-<NOG>-<NIT>`).
    public var awardID: String?
    /// The institution's own contract number (`DAJ-040-2026`).
    public var contractNumber: String?
    /// Title as published.
    public var title: String?
    /// OCDS status (`active`, …).
    public var status: String?
    /// Guatecompras' own status label.
    public var statusDetails: String?
    /// When it was signed (local midnight in the feed).
    public var dateSigned: Date?
    /// Contracted amount; nil when not given.
    public var amount: Money?
    /// Start of the contract period.
    public var periodStart: Date?
    /// End of the contract period.
    public var periodEnd: Date?

    /// Creates a contract.
    public init(
        id: String? = nil, awardID: String? = nil, contractNumber: String? = nil, title: String? = nil,
        status: String? = nil, statusDetails: String? = nil, dateSigned: Date? = nil, amount: Money? = nil,
        periodStart: Date? = nil, periodEnd: Date? = nil
    ) {
        self.id = id
        self.awardID = awardID
        self.contractNumber = contractNumber
        self.title = title
        self.status = status
        self.statusDetails = statusDetails
        self.dateSigned = dateSigned
        self.amount = amount
        self.periodStart = periodStart
        self.periodEnd = periodEnd
    }
}
