import Domain
import Foundation

/// One process as the `compras` listing shows it: the process's own fields and what its awards, contracts and
/// budget evidence add up to, read by one SQL query instead of materializing the whole ``Procurement``.
public struct ProcurementListingRow: Sendable, Equatable {
    /// The process's own fields; its items, parties, bids, awards and contracts are left empty.
    public var procurement: Procurement
    /// Awards of the process, active or not.
    public var awards: Int
    /// Sum of the active awards that give an amount; nil when none does.
    public var awardedTotal: Money?
    /// The contracts' institutional numbers that are not empty, in the order they were stored.
    public var contractNumbers: [String]
    /// The earliest date a contract was signed.
    public var contractSigned: Date?
    /// The earliest start of a contract's period.
    public var contractStart: Date?
    /// The latest end of a contract's period.
    public var contractEnd: Date?
    /// Sum of the contracts' amounts; nil when no contract gives one.
    public var contractedTotal: Money?
    /// The renglones the budget evidence of the NOG names, each once, sorted.
    public var renglones: [String]

    public init(
        procurement: Procurement, awards: Int = 0, awardedTotal: Money? = nil, contractNumbers: [String] = [],
        contractSigned: Date? = nil, contractStart: Date? = nil, contractEnd: Date? = nil,
        contractedTotal: Money? = nil, renglones: [String] = []
    ) {
        self.procurement = procurement
        self.awards = awards
        self.awardedTotal = awardedTotal
        self.contractNumbers = contractNumbers
        self.contractSigned = contractSigned
        self.contractStart = contractStart
        self.contractEnd = contractEnd
        self.contractedTotal = contractedTotal
        self.renglones = renglones
    }
}
