import Foundation

/// The headers of one HTTP response that the fetcher acts on (redirect hops each start afresh).
struct ResponseHeaders: Sendable, Equatable {
    var status = 0
    var etag: String?
    var lastModified: String?
    var retryAfter: String?
    var contentRange: String?
    var contentLength: Int64?
    var acceptRanges: String?

    /// Starts a new response from its status line (`HTTP/1.1 206 Partial Content`), or nil for any other line.
    static func statusLine(_ line: String) -> ResponseHeaders? {
        guard line.hasPrefix("HTTP/") else { return nil }
        // HTTP/2 status lines have no reason phrase, so the code may be followed directly by CRLF.
        let parts = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        return ResponseHeaders(status: status)
    }

    /// Records a `Name: value` line if it is one we use.
    mutating func add(line: String) {
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "etag": etag = value
        case "last-modified": lastModified = value
        case "retry-after": retryAfter = value
        case "content-range": contentRange = value
        case "content-length": contentLength = Int64(value)
        case "accept-ranges": acceptRanges = value.lowercased()
        default: break
        }
    }

    /// The first byte and the complete length in `Content-Range: bytes 100-999/1000` (length nil when `*`).
    var contentRangeStart: (start: Int64, completeLength: Int64?)? {
        guard let contentRange, contentRange.lowercased().hasPrefix("bytes ") else { return nil }
        let spec = contentRange.dropFirst("bytes ".count)
        let halves = spec.split(separator: "/", maxSplits: 1)
        guard let range = halves.first, let dash = range.firstIndex(of: "-"),
            let start = Int64(range[..<dash].trimmingCharacters(in: .whitespaces))
        else { return nil }
        let length = halves.count == 2 ? Int64(halves[1].trimmingCharacters(in: .whitespaces)) : nil
        return (start, length)
    }

    /// `Retry-After` in seconds from now: either delta-seconds or an HTTP date.
    func retryAfterSeconds(now: Date = Date()) -> Double? {
        guard let retryAfter else { return nil }
        if let seconds = Double(retryAfter), seconds >= 0 { return seconds }
        guard let date = HTTPDate.parse(retryAfter) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
