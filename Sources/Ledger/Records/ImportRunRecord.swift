import Domain
import Foundation
import GRDB

/// One import of one file: its provenance and what came of it.
struct ImportRunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    /// What the file was imported as (`metas`, `resumen`, `ocds`, `ejecucion`…).
    var sourceKind: String
    var fileName: String
    var sha256: String
    var bytes: Int64
    /// The URL the file was fetched from, when `fetch --import` brought it.
    var sourceURL: String?
    var etag: String?
    var startedAt: Date
    var finishedAt: Date
    var rowsRead: Int
    var rowsAccepted: Int
    var rowsRejected: Int
    var toolVersion: String

    init(
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

    static let databaseTableName = "import_run"

    mutating func didInsert(_ inserted: InsertionSuccess) {
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

    enum Columns {
        static let sourceKind = Column(CodingKeys.sourceKind)
        static let sha256 = Column(CodingKeys.sha256)
    }

    /// The Domain value of a stored run (nil before it has an id).
    var run: ImportRun? {
        guard let id else { return nil }
        return ImportRun(
            id: id, sourceKind: sourceKind, fileName: fileName, sha256: sha256, bytes: bytes, sourceURL: sourceURL,
            etag: etag, startedAt: startedAt, finishedAt: finishedAt, rowsRead: rowsRead, rowsAccepted: rowsAccepted,
            rowsRejected: rowsRejected, toolVersion: toolVersion)
    }
}
