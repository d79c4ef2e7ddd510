import Foundation

/// What linking and reconciliation need of a stored procurement: a light projection the ledger reads in bulk
/// (200,000 NOGs a year nationally), without items, parties or bids.
public struct LinkableProcurement: Hashable, Sendable {
    public var nog: String
    public var title: String
    public var description: String?
    public var buyingUnitCode: String?
    public var buyingUnitName: String?
    public var modalityCode: String?
    public var status: String?
    public var publishedAt: Date?
    public var awardedAt: Date?
    /// Awards with supplier and amount (status kept, so cancelled ones can be left out).
    public var awards: [Award]
    /// Sum of the contracts' amounts, nil when no contract gives one.
    public var contractedTotal: Money?
    /// The import run that last wrote the procurement.
    public var importRunID: Int64

    public init(
        nog: String, title: String, description: String? = nil, buyingUnitCode: String? = nil,
        buyingUnitName: String? = nil, modalityCode: String? = nil, status: String? = nil, publishedAt: Date? = nil,
        awardedAt: Date? = nil, awards: [Award] = [], contractedTotal: Money? = nil, importRunID: Int64
    ) {
        self.nog = nog
        self.title = title
        self.description = description
        self.buyingUnitCode = buyingUnitCode
        self.buyingUnitName = buyingUnitName
        self.modalityCode = modalityCode
        self.status = status
        self.publishedAt = publishedAt
        self.awardedAt = awardedAt
        self.awards = awards
        self.contractedTotal = contractedTotal
        self.importRunID = importRunID
    }

    /// The sum of active awards with an amount; nil when none gives one (a process without awards).
    public var awardedTotal: Money? {
        get throws(MoneyOverflowError) {
            var total: Money?
            for award in awards where award.isActive {
                if let amount = award.amount { total = try (total ?? .zero) + amount }
            }
            return total
        }
    }

    /// The date a purchase is placed in time by: the award date, else the publication date.
    public var purchaseDate: Date? { awardedAt ?? publishedAt }

    /// The fiscal year of the process, as ``Procurement/year``: publication year, else award year.
    public var year: Int? { (publishedAt ?? awardedAt).map(ProcurementDate.year(of:)) }
}
