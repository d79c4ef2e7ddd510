import Foundation

/// One row behind a flag: a purchase, an award or a bid, with what the reader needs to check it at the source.
public struct RedFlagEvidence: Hashable, Sendable, Codable {
    /// `NOG` or `NPG`.
    public var referenceKind: String
    /// The NOG or NPG number.
    public var reference: String
    /// The date the indicator used (`2022-06-03`).
    public var date: String?
    /// Modality catalog code, or the text as published when it matched no catalog entry.
    public var modality: String?
    /// Supplier or bidder id (NIT, GCID).
    public var supplierID: String?
    public var supplierName: String?
    /// The amount the indicator used (award, bid, or the purchase's share of a renglón).
    public var amount: Money?
    /// The budget line, when the indicator worked by renglón.
    public var renglon: String?
    /// What was bought.
    public var description: String?
    /// What this row shows (`oferta ganadora`, `segunda oferta`, `clase UNSPSC 502211`).
    public var note: String?

    /// Creates an evidence row.
    public init(
        referenceKind: String, reference: String, date: String? = nil, modality: String? = nil,
        supplierID: String? = nil, supplierName: String? = nil, amount: Money? = nil, renglon: String? = nil,
        description: String? = nil, note: String? = nil
    ) {
        self.referenceKind = referenceKind
        self.reference = reference
        self.date = date
        self.modality = modality
        self.supplierID = supplierID
        self.supplierName = supplierName
        self.amount = amount
        self.renglon = renglon
        self.description = description
        self.note = note
    }
}
