import Foundation

/// The metadata file kept next to each cached download (`<file>.meta.json`).
public struct CacheEntry: Codable, Sendable, Equatable {
    /// The URL that was requested (before redirects).
    public var url: String
    /// The server's `ETag`, quotes included, if it sent one.
    public var etag: String?
    /// The server's `Last-Modified`, verbatim, if it sent one.
    public var lastModified: String?
    /// Lowercase hex sha256 of the file's bytes.
    public var sha256: String
    /// Size of the file in bytes.
    public var size: Int64
    /// When the bytes were last downloaded or confirmed by a 304, ISO 8601 UTC.
    public var fetchedAt: String

    /// Builds an entry from its fields.
    public init(url: String, etag: String?, lastModified: String?, sha256: String, size: Int64, fetchedAt: String) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.sha256 = sha256
        self.size = size
        self.fetchedAt = fetchedAt
    }

    enum CodingKeys: String, CodingKey {
        case url, etag, sha256, size
        case lastModified = "last_modified"
        case fetchedAt = "fetched_at"
    }
}
