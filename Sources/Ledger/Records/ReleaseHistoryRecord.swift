import Domain
import Foundation
import GRDB

/// A change to a procurement made by a re-import (table `release_history`), with the previous state kept whole.
struct ReleaseHistoryRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Row id.
    var id: Int64?
    /// The `procurement` row changed.
    var procurementID: Int64
    /// The NOG changed.
    var nog: String
    /// The import that made the change.
    var importRunID: Int64
    /// The import that had written the previous state.
    var previousImportRunID: Int64
    /// When the change was recorded.
    var recordedAt: Date
    /// Names of the Domain fields that changed, comma-separated (`status,awards`).
    var changedFields: String
    /// Fingerprint of the previous state.
    var previousHash: String
    /// Fingerprint of the new state.
    var newHash: String
    /// Release ids of the previous state, one per line.
    var previousReleaseIDs: String
    /// Release ids of the new state, one per line.
    var newReleaseIDs: String
    /// JSON of the procurement before the change.
    var previousSnapshot: String

    /// The table name.
    static let databaseTableName = "release_history"

    enum CodingKeys: String, CodingKey {
        case id, nog
        case procurementID = "procurement_id"
        case importRunID = "import_run_id"
        case previousImportRunID = "previous_import_run_id"
        case recordedAt = "recorded_at"
        case changedFields = "changed_fields"
        case previousHash = "previous_hash"
        case newHash = "new_hash"
        case previousReleaseIDs = "previous_release_ids"
        case newReleaseIDs = "new_release_ids"
        case previousSnapshot = "previous_snapshot"
    }

    /// Columns used in queries.
    enum Columns {
        /// The row id.
        static let id = Column(CodingKeys.id)
        /// The NOG.
        static let nog = Column(CodingKeys.nog)
    }

    /// Keeps the row id after an insert.
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The Domain value of the change.
    var change: ProcurementChange {
        ProcurementChange(
            nog: nog, importRunID: importRunID, previousImportRunID: previousImportRunID, recordedAt: recordedAt,
            changedFields: changedFields.split(separator: ",").map(String.init),
            previousReleaseIDs: previousReleaseIDs.split(separator: "\n").map(String.init),
            newReleaseIDs: newReleaseIDs.split(separator: "\n").map(String.init), previousSnapshot: previousSnapshot)
    }
}
