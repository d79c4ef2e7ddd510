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

    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO red_flag_evidence (
                    red_flag_id, position, reference_kind, reference, date, modality, supplier_id, supplier_name,
                    amount, renglon, description, note
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    static func insertArguments(_ row: RedFlagEvidence, flagID: Int64, position: Int) -> StatementArguments {
        [
            flagID, position, row.referenceKind, row.reference, row.date, row.modality, row.supplierID,
            row.supplierName, row.amount?.centavos, row.renglon, row.description, row.note,
        ]
    }

    var evidence: RedFlagEvidence {
        RedFlagEvidence(
            referenceKind: referenceKind, reference: reference, date: date, modality: modality, supplierID: supplierID,
            supplierName: supplierName, amount: amount.map(Money.init(centavos:)), renglon: renglon,
            description: description, note: note)
    }
}
