import Domain
import Foundation
import GRDB

/// One row behind a flag (table `red_flag_evidence`).
struct RedFlagEvidenceRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var redFlagID: Int64
    var position: Int
    var referenceKind: String
    var reference: String
    var date: String?
    var modality: String?
    var supplierID: String?
    var supplierName: String?
    var amount: Int64?
    var renglon: String?
    var description: String?
    var note: String?

    static let databaseTableName = "red_flag_evidence"

    enum CodingKeys: String, CodingKey {
        case id, position, reference, date, modality, amount, renglon, description, note
        case redFlagID = "red_flag_id"
        case referenceKind = "reference_kind"
        case supplierID = "supplier_id"
        case supplierName = "supplier_name"
    }

    // MARK: - Database

    enum Columns {
        static let redFlagID = Column(CodingKeys.redFlagID)
        static let position = Column(CodingKeys.position)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The `INSERT` used when a run stores its evidence rows (``insert(_:flagID:position:with:)``).
    static let insertSQL = """
        INSERT INTO red_flag_evidence (
            red_flag_id, position, reference_kind, reference, date, modality, supplier_id, supplier_name,
            amount, renglon, description, note
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Binds an evidence row's columns in ``insertSQL``'s order and inserts it.
    static func insert(_ row: RedFlagEvidence, flagID: Int64, position: Int, with statement: FlagRawInsert) throws {
        statement.int(flagID)
        statement.int(Int64(position))
        statement.text(row.referenceKind)
        statement.text(row.reference)
        statement.text(row.date)
        statement.text(row.modality)
        statement.text(row.supplierID)
        statement.text(row.supplierName)
        statement.int(row.amount?.centavos)
        statement.text(row.renglon)
        statement.text(row.description)
        statement.text(row.note)
        try statement.insert()
    }

    var evidence: RedFlagEvidence {
        RedFlagEvidence(
            referenceKind: referenceKind, reference: reference, date: date, modality: modality, supplierID: supplierID,
            supplierName: supplierName, amount: amount.map(Money.init(centavos:)), renglon: renglon,
            description: description, note: note)
    }
}
