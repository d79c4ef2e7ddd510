import Foundation
import GRDB

/// One import of one file: its provenance and what came of it.
public struct ImportRunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    /// What the file was imported as (`metas`, `resumen`, `ocds`, `ejecucion`…).
    public var sourceKind: String
    public var fileName: String
    public var sha256: String
    public var bytes: Int64
    /// The URL the file was fetched from, when `fetch --import` brought it.
    public var sourceURL: String?
    public var etag: String?
    public var startedAt: Date
    public var finishedAt: Date
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    public var toolVersion: String

    public init(
        id: Int64? = nil, sourceKind: String, fileName: String, sha256: String, bytes: Int64, sourceURL: String? = nil,
        etag: String? = nil, startedAt: Date, finishedAt: Date, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int,
        toolVersion: String
    ) {
        self.id = id
        self.sourceKind = sourceKind
        self.fileName = fileName
        self.sha256 = sha256
        self.bytes = bytes
        self.sourceURL = sourceURL
        self.etag = etag
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
        self.toolVersion = toolVersion
    }

    public static let databaseTableName = "import_run"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey {
        case id
        case sourceKind = "source_kind"
        case fileName = "file_name"
        case sha256
        case bytes
        case sourceURL = "source_url"
        case etag
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case rowsRead = "rows_read"
        case rowsAccepted = "rows_accepted"
        case rowsRejected = "rows_rejected"
        case toolVersion = "tool_version"
    }

    // MARK: - Database

    public enum Columns {
        public static let sourceKind = Column(CodingKeys.sourceKind)
        public static let sha256 = Column(CodingKeys.sha256)
    }
}
