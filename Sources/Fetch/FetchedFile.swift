import Foundation

/// A download that is complete in the cache.
public struct FetchedFile: Sendable, Equatable {
    /// How the bytes were obtained.
    public enum Origin: String, Sendable, Equatable {
        /// A full download (200).
        case downloaded
        /// A partial download finished with `Range` (206).
        case resumed
        /// The server answered 304: the cached copy is current.
        case notModified
    }

    /// The request this answers.
    public var request: FetchRequest
    /// The cached file (final name, complete).
    public var path: URL
    /// The metadata recorded next to it.
    public var entry: CacheEntry
    public var origin: Origin

    public init(request: FetchRequest, path: URL, entry: CacheEntry, origin: Origin) {
        self.request = request
        self.path = path
        self.entry = entry
        self.origin = origin
    }
}
