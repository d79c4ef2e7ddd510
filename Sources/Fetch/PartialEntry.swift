import Foundation

/// What we know about an unfinished download (`<file>.part.meta.json`), needed to resume it safely.
///
/// A resume sends `If-Range` with the validator recorded here, so bytes from a newer version of
/// the file are never appended to bytes of the older one.
struct PartialEntry: Codable, Sendable, Equatable {
    var url: String
    var etag: String?
    var lastModified: String?
    var acceptsRanges: Bool

    /// The value for `If-Range`: a strong ETag, else the Last-Modified date, else nothing (no resume).
    var ifRangeValidator: String? {
        if let etag, !etag.hasPrefix("W/") { return etag }
        return lastModified
    }

    enum CodingKeys: String, CodingKey {
        case url, etag
        case lastModified = "last_modified"
        case acceptsRanges = "accepts_ranges"
    }
}
