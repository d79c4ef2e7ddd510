import Foundation

/// One procurement process (concurso) of Guatecompras, keyed by its NOG, whatever file shape it came from
/// (OCDS record/release, flat CSV/XLSX export, NOG HTML page).
///
/// Every field but the NOG and title is optional because each source tells only part of the story: a flat
/// export has names but no party ids, an HTML page may lack the awards tab, a tender-stage release has no awards.
public struct Procurement: Hashable, Sendable, Codable {
    /// Número de Operación Guatecompras: digits only, kept as text (`8419205`).
    public var nog: String
    /// OCDS process id (`ocds-xqjsxa-<NOG>`), when the source is OCDS or states it.
    public var ocid: String?
    /// What is being bought (`tender.title`; Guatecompras' "Descripción"), as plain text.
    public var title: String
    /// Longer description when the source has one besides the title.
    public var description: String?

    /// The Entidad's code: the MINFIN institutional code from `GT-CISP-<code>` (`11130016`) when known.
    public var buyerEntityCode: String?
    /// The Entidad's name (`SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE`).
    public var buyerEntityName: String?
    /// The buying unit as `<guatecompras entidad>-<unidad>` (`436-2`, from `GT-GCUC-436-2`) when known.
    public var buyingUnitCode: String?
    /// The buying unit's name (`DEPARTAMENTO DE COMPRAS`).
    public var buyingUnitName: String?

    /// The modality's catalog code (`compra_directa_oferta_electronica`), when the text matched the catalog.
    public var modalityCode: String?
    /// The modality exactly as the source wrote it (`tender.procurementMethodDetails`, "MODALIDAD").
    public var modalityText: String?
    /// Guatecompras' status label (`Adjudicado`, `Vigente`, `Desierto`, …) from `tender.statusDetails`.
    public var status: String?
    /// OCDS `tender.status` (`active`, `complete`, `unsuccessful`, `withdrawn`), secondary to ``status``.
    public var ocdsStatus: String?
    /// OCDS `tender.mainProcurementCategory` (`goods`, `services`, `works`).
    public var category: String?

    /// When the process was published (`tender.datePublished`, "Fecha de publicación").
    public var publishedAt: Date?
    /// When bids closed (`tender.tenderPeriod.endDate`), often missing.
    public var tenderEndAt: Date?
    /// When it was awarded: the earliest award date, or the source's "Fecha de adjudicación".
    public var awardedAt: Date?
    /// The date of the latest release the data come from (OCDS release/compiled `date`): newer wins on merge.
    public var lastUpdatedAt: Date?

    /// What is bought, line by line.
    public var items: [ProcurementItem]
    /// Every party named by the source (entity, unit, bidders, suppliers).
    public var parties: [Party]
    /// Bids received (bidders are not suppliers).
    public var bids: [ProcurementBid]
    /// Awards, one per supplier.
    public var awards: [Award]
    /// Contracts signed after the awards.
    public var contracts: [Contract]
    /// The raw OCDS release ids this procurement was compiled from (`GT-NOG-<NOG>-T<ticks>`), oldest first.
    public var releaseIDs: [String]

    /// Creates a procurement; only the NOG and title are required.
    public init(
        nog: String, ocid: String? = nil, title: String, description: String? = nil,
        buyerEntityCode: String? = nil, buyerEntityName: String? = nil,
        buyingUnitCode: String? = nil, buyingUnitName: String? = nil,
        modalityCode: String? = nil, modalityText: String? = nil, status: String? = nil, ocdsStatus: String? = nil,
        category: String? = nil, publishedAt: Date? = nil, tenderEndAt: Date? = nil, awardedAt: Date? = nil,
        lastUpdatedAt: Date? = nil, items: [ProcurementItem] = [], parties: [Party] = [], bids: [ProcurementBid] = [],
        awards: [Award] = [], contracts: [Contract] = [], releaseIDs: [String] = []
    ) {
        self.nog = nog
        self.ocid = ocid
        self.title = title
        self.description = description
        self.buyerEntityCode = buyerEntityCode
        self.buyerEntityName = buyerEntityName
        self.buyingUnitCode = buyingUnitCode
        self.buyingUnitName = buyingUnitName
        self.modalityCode = modalityCode
        self.modalityText = modalityText
        self.status = status
        self.ocdsStatus = ocdsStatus
        self.category = category
        self.publishedAt = publishedAt
        self.tenderEndAt = tenderEndAt
        self.awardedAt = awardedAt
        self.lastUpdatedAt = lastUpdatedAt
        self.items = items
        self.parties = parties
        self.bids = bids
        self.awards = awards
        self.contracts = contracts
        self.releaseIDs = releaseIDs
    }

    /// The OCDS ocid Guatecompras gives a NOG (`ocds-xqjsxa-8419205`).
    public static func ocid(forNOG nog: String) -> String { "ocds-xqjsxa-" + nog }

    /// The NOG inside a Guatecompras ocid or tender id (`ocds-xqjsxa-8419205`, `GT-NOG-8419205`), if any.
    public static func nog(fromIdentifier text: String) -> String? {
        for prefix in ["ocds-xqjsxa-", "GT-NOG-"] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).prefix(while: \.isASCIIDigit)
            return rest.isEmpty ? nil : String(rest)
        }
        return nil
    }

    /// True when the text is a plausible NOG: 1 to 12 ASCII digits.
    public static func isValidNOG(_ text: String) -> Bool {
        (1...12).contains(text.count) && text.allSatisfy(\.isASCIIDigit)
    }

    /// The sum of active awards whose amount is given (nil when no award has an amount).
    /// - Throws: ``MoneyOverflowError`` when the awards add up beyond 64-bit centavos.
    public var awardedTotal: Money? {
        get throws(MoneyOverflowError) {
            let amounts = awards.filter(\.isActive).compactMap(\.amount)
            return amounts.isEmpty ? nil : try Money.sum(amounts)
        }
    }

    /// The fiscal year of the process: the publication year in Guatemala time, else the award year.
    public var year: Int? {
        (publishedAt ?? awardedAt).map(ProcurementDate.year(of:))
    }
}
