import Foundation

/// A contract signed after an award (OCDS `contracts[]`; rare in Guatecompras data).
public struct Contract: Hashable, Sendable, Codable {
    /// The published contract id (`NOG-<NOG>-CON-<hex>`).
    public var id: String?
    /// The award this contract implements (`GT-ADJ-<NOG>-<NIT>`).
    public var awardID: String?
    /// The institution's own contract number (`DAJ-040-2026`).
    public var contractNumber: String?
    public var title: String?
    public var status: String?
    public var statusDetails: String?
    public var dateSigned: Date?
    public var amount: Money?
    public var periodStart: Date?
    public var periodEnd: Date?

    public init(id: String? = nil, awardID: String? = nil, contractNumber: String? = nil, title: String? = nil,
        status: String? = nil, statusDetails: String? = nil, dateSigned: Date? = nil, amount: Money? = nil,
        periodStart: Date? = nil, periodEnd: Date? = nil)
    {
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
