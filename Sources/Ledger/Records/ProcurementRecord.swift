import Domain
import Foundation
import GRDB

/// One procurement process (table `procurement`), keyed by NOG; its children live in their own tables.
struct ProcurementRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var nog: String
    var ocid: String?
    var title: String
    var description: String?
    var buyerEntityCode: String?
    var buyerEntityName: String?
    var buyingUnitCode: String?
    var buyingUnitName: String?
    /// The names folded (``SearchText/fold(_:)``) and indexed: how a profile's buyer names find their purchases.
    var buyerEntityFolded: String?
    var buyingUnitFolded: String?
    var modalityCode: String?
    var modalityText: String?
    var status: String?
    var ocdsStatus: String?
    var category: String?
    var publishedAt: String?
    var tenderEndAt: String?
    var awardedAt: String?
    var lastUpdatedAt: String?
    /// The raw OCDS release ids, one per line.
    var releaseIDs: String
    /// Hash of the procurement's canonical JSON: equal hashes mean a re-import changed nothing.
    var contentHash: String
    var importRunID: Int64

    static let databaseTableName = "procurement"

    enum CodingKeys: String, CodingKey {
        case id, nog, ocid, title, description, status, category
        case buyerEntityCode = "buyer_entity_code"
        case buyerEntityName = "buyer_entity_name"
        case buyingUnitCode = "buying_unit_code"
        case buyingUnitName = "buying_unit_name"
        case buyerEntityFolded = "buyer_entity_folded"
        case buyingUnitFolded = "buying_unit_folded"
        case modalityCode = "modality_code"
        case modalityText = "modality_text"
        case ocdsStatus = "ocds_status"
        case publishedAt = "published_at"
        case tenderEndAt = "tender_end_at"
        case awardedAt = "awarded_at"
        case lastUpdatedAt = "last_updated_at"
        case releaseIDs = "release_ids"
        case contentHash = "content_hash"
        case importRunID = "import_run_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let nog = Column(CodingKeys.nog)
        static let ocid = Column(CodingKeys.ocid)
        static let buyingUnitCode = Column(CodingKeys.buyingUnitCode)
        static let buyingUnitName = Column(CodingKeys.buyingUnitName)
        static let modalityCode = Column(CodingKeys.modalityCode)
        static let publishedAt = Column(CodingKeys.publishedAt)
        static let awardedAt = Column(CodingKeys.awardedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The columns an import inserts, in the order ``bind(to:importRunID:texts:)`` binds them.
    static let insertColumns = [
        "nog", "ocid", "title", "description", "buyer_entity_code", "buyer_entity_name", "buying_unit_code",
        "buying_unit_name", "modality_code", "modality_text", "status", "ocds_status", "category", "published_at",
        "tender_end_at", "awarded_at", "last_updated_at", "release_ids", "content_hash", "import_run_id",
        "buyer_entity_folded", "buying_unit_folded",
    ]

    /// Binds this row's values after those already bound, under the run `importRunID`, its texts kept in `texts`.
    func bind(to statement: inout BoundStatement, importRunID: Int64, texts: BoundTextArena) {
        statement.bind(nog, keptIn: texts)
        statement.bind(ocid, keptIn: texts)
        statement.bind(title, keptIn: texts)
        statement.bind(description, keptIn: texts)
        statement.bind(buyerEntityCode, keptIn: texts)
        statement.bind(buyerEntityName, keptIn: texts)
        statement.bind(buyingUnitCode, keptIn: texts)
        statement.bind(buyingUnitName, keptIn: texts)
        statement.bind(modalityCode, keptIn: texts)
        statement.bind(modalityText, keptIn: texts)
        statement.bind(status, keptIn: texts)
        statement.bind(ocdsStatus, keptIn: texts)
        statement.bind(category, keptIn: texts)
        statement.bind(publishedAt, keptIn: texts)
        statement.bind(tenderEndAt, keptIn: texts)
        statement.bind(awardedAt, keptIn: texts)
        statement.bind(lastUpdatedAt, keptIn: texts)
        statement.bind(releaseIDs, keptIn: texts)
        statement.bind(contentHash, keptIn: texts)
        statement.bind(importRunID)
        statement.bind(buyerEntityFolded, keptIn: texts)
        statement.bind(buyingUnitFolded, keptIn: texts)
    }

    init(_ procurement: Procurement, contentHash: String, importRunID: Int64) {
        self.nog = procurement.nog
        self.ocid = procurement.ocid
        self.title = procurement.title
        self.description = procurement.description
        self.buyerEntityCode = procurement.buyerEntityCode
        self.buyerEntityName = procurement.buyerEntityName
        self.buyingUnitCode = procurement.buyingUnitCode
        self.buyingUnitName = procurement.buyingUnitName
        self.buyerEntityFolded = procurement.buyerEntityName.map(SearchText.fold)
        self.buyingUnitFolded = procurement.buyingUnitName.map(SearchText.fold)
        self.modalityCode = procurement.modalityCode
        self.modalityText = procurement.modalityText
        self.status = procurement.status
        self.ocdsStatus = procurement.ocdsStatus
        self.category = procurement.category
        self.publishedAt = ProcurementColumnDate.text(procurement.publishedAt)
        self.tenderEndAt = ProcurementColumnDate.text(procurement.tenderEndAt)
        self.awardedAt = ProcurementColumnDate.text(procurement.awardedAt)
        self.lastUpdatedAt = ProcurementColumnDate.text(procurement.lastUpdatedAt)
        self.releaseIDs = procurement.releaseIDs.joined(separator: "\n")
        self.contentHash = contentHash
        self.importRunID = importRunID
    }

    /// The Domain value without its children (the caller adds items, parties, bids, awards, contracts).
    var procurement: Procurement {
        Procurement(
            nog: nog, ocid: ocid, title: title, description: description, buyerEntityCode: buyerEntityCode,
            buyerEntityName: buyerEntityName, buyingUnitCode: buyingUnitCode, buyingUnitName: buyingUnitName,
            modalityCode: modalityCode, modalityText: modalityText, status: status, ocdsStatus: ocdsStatus,
            category: category, publishedAt: ProcurementColumnDate.date(publishedAt),
            tenderEndAt: ProcurementColumnDate.date(tenderEndAt), awardedAt: ProcurementColumnDate.date(awardedAt),
            lastUpdatedAt: ProcurementColumnDate.date(lastUpdatedAt),
            releaseIDs: releaseIDs.isEmpty ? [] : releaseIDs.components(separatedBy: "\n"))
    }
}

extension DerivableRequest<ProcurementRecord> {
    /// The procurement with a NOG.
    func filter(nog: String) -> Self { filter(ProcurementRecord.Columns.nog == nog) }

    /// Procurement published (or, lacking a publication date, awarded) in a year, in Guatemala time.
    func filter(year: Int) -> Self {
        let prefix = String(year) + "-%"
        return filter(
            ProcurementRecord.Columns.publishedAt.like(prefix)
                || (ProcurementRecord.Columns.publishedAt == nil && ProcurementRecord.Columns.awardedAt.like(prefix)))
    }
}
