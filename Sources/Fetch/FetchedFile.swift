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
    /// Whether it was downloaded, resumed or confirmed by a 304.
    public var origin: Origin

    /// Builds the value from its parts.
    public init(request: FetchRequest, path: URL, entry: CacheEntry, origin: Origin) {
        self.request = request
        self.path = path
        self.entry = entry
        self.origin = origin
    }

    /// Copies the file into `folder` under its request's name, atomically (a temporary file renamed
    /// into place), and returns the copy's location. The cached file stays untouched.
    public func copy(into folder: URL) throws -> URL {
        let destination = folder.appendingPathComponent(request.fileName)
        try AtomicFile.place(path, at: destination)
        return destination
    }
}
