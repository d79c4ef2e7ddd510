import Foundation

/// One purchase as the red-flag indicators read it: a NOG process from any procurement source (OCDS, flat
/// export, NOG page), or an NPG direct purchase known only from input-level execution.
///
/// Only the columns the indicators need, so a national year (≈200,000 processes) fits in memory and reads fast.
public struct FlagPurchase: Hashable, Sendable {
    /// Where the purchase is known from.
    public enum Kind: String, Hashable, Sendable {
        /// A process with a NOG in the `procurement` table.
        case nog
        /// A direct purchase with an NPG, read from execution evidence (not published in OCDS).
        case npg
    }

    public var kind: Kind
    /// The NOG or NPG.
    public var reference: String
    public var title: String
    /// Entity code (`GT-CISP` id, the same as SICOIN's entidad) when known.
    public var entityCode: String?
    public var entityName: String?
    /// Guatecompras buying unit (`436-2`) when known.
    public var unitCode: String?
    public var unitName: String?
    /// SICOIN entidad and unidad ejecutora, for NPG purchases known from execution evidence.
    public var sicoinEntidad: String?
    public var sicoinUnidadEjecutora: String?
    /// Modality catalog code; nil when the text matched no catalog entry or the source has none (NPG evidence).
    public var modalityCode: String?
    public var modalityText: String?
    /// Guatecompras status label (`Adjudicado`, `Desierto`, …).
    public var status: String?
    /// OCDS tender status, used when there is no Guatecompras label.
    public var ocdsStatus: String?
    public var publishedAt: Date?
    public var tenderEndAt: Date?
    public var awardedAt: Date?
    public var awards: [FlagAward]
    public var bids: [FlagBid]
    public var items: [FlagItem]
    /// Amounts by renglón from input-level execution (empty when the ledger has none for this purchase).
    public var renglones: [FlagRenglonAmount]

    /// Creates a purchase; only kind, reference and title are required.
    public init(
        kind: Kind, reference: String, title: String, entityCode: String? = nil, entityName: String? = nil,
        unitCode: String? = nil, unitName: String? = nil, sicoinEntidad: String? = nil,
        sicoinUnidadEjecutora: String? = nil, modalityCode: String? = nil, modalityText: String? = nil,
        status: String? = nil, ocdsStatus: String? = nil, publishedAt: Date? = nil, tenderEndAt: Date? = nil,
        awardedAt: Date? = nil, awards: [FlagAward] = [], bids: [FlagBid] = [], items: [FlagItem] = [],
        renglones: [FlagRenglonAmount] = []
    ) {
        self.kind = kind
        self.reference = reference
        self.title = title
        self.entityCode = entityCode
        self.entityName = entityName
        self.unitCode = unitCode
        self.unitName = unitName
        self.sicoinEntidad = sicoinEntidad
        self.sicoinUnidadEjecutora = sicoinUnidadEjecutora
        self.modalityCode = modalityCode
        self.modalityText = modalityText
        self.status = status
        self.ocdsStatus = ocdsStatus
        self.publishedAt = publishedAt
        self.tenderEndAt = tenderEndAt
        self.awardedAt = awardedAt
        self.awards = awards
        self.bids = bids
        self.items = items
        self.renglones = renglones
    }
}
