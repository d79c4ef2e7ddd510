import Foundation
import GRDB

/// A change to a procurement made by a re-import (table `release_history`), with the previous state kept whole.
public struct ReleaseHistoryRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// Row id.
    public var id: Int64?
    /// The `procurement` row changed.
    public var procurementID: Int64
    /// The NOG changed.
    public var nog: String
    /// The import that made the change.
    public var importRunID: Int64
    /// The import that had written the previous state.
    public var previousImportRunID: Int64
    /// When the change was recorded.
    public var recordedAt: Date
    /// Names of the Domain fields that changed, comma-separated (`status,awards`).
    public var changedFields: String
    /// Fingerprint of the previous state.
    public var previousHash: String
    /// Fingerprint of the new state.
    public var newHash: String
    /// Release ids of the previous state, one per line.
    public var previousReleaseIDs: String
    /// Release ids of the new state, one per line.
    public var newReleaseIDs: String
    /// JSON of the procurement before the change.
    public var previousSnapshot: String

    /// The table name.
    public static let databaseTableName = "release_history"

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
    public enum Columns {
        /// The row id.
        public static let id = Column(CodingKeys.id)
        /// The NOG.
        public static let nog = Column(CodingKeys.nog)
    }

    /// Keeps the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
