import Foundation

/// One import of one file as the ledger recorded it: its provenance and what came of it.
public struct ImportRun: Sendable, Hashable {
    /// The run's number in the ledger (`corrida #12`).
    public var id: Int64
    public var sourceKind: String
    public var fileName: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    public var bytes: Int64
    /// Where the file was downloaded from, when `fetch --import` brought it.
    public var sourceURL: String?
    /// The server's ETag for that download.
    public var etag: String?
    public var startedAt: Date
    public var finishedAt: Date
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    /// The version of transparencia that wrote the run.
    public var toolVersion: String

    public init(
        id: Int64, sourceKind: String, fileName: String, sha256: String, bytes: Int64, sourceURL: String?,
        etag: String?, startedAt: Date, finishedAt: Date, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int,
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
}
