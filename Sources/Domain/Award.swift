import Foundation

/// An award (adjudicación) of a procurement to one supplier: Guatecompras publishes one award per supplier.
public struct Award: Hashable, Sendable, Codable {
    /// The published award id (`GT-ADJ-<NOG>-<NIT>`), when there is one.
    public var id: String?
    /// The supplier awarded (one per award in Guatecompras).
    public var supplier: Supplier
    /// The awarded amount; nil when the source does not give one (missing, or a placeholder `0.0`).
    public var amount: Money?
    /// OCDS `status` (`active`, `cancelled`, `pending`, `unsuccessful`).
    public var status: String?
    /// Guatecompras' own status label (`Habilitado`, `Inhabilitado`).
    public var statusDetails: String?
    /// When the award was made.
    public var date: Date?

    /// Creates an award.
    public init(
        id: String? = nil, supplier: Supplier, amount: Money?, status: String? = nil,
        statusDetails: String? = nil, date: Date? = nil
    ) {
        self.id = id
        self.supplier = supplier
        self.amount = amount
        self.status = status
        self.statusDetails = statusDetails
        self.date = date
    }

    /// True unless the award was cancelled: only these count toward the awarded total of a process.
    public var isActive: Bool { status?.lowercased() != "cancelled" && status?.lowercased() != "unsuccessful" }
}
