import Formats
import Foundation

/// The cache directory: one folder per URL holding the file, its metadata and any partial download.
///
/// Layout: `<root>/<first 16 hex of sha256(url)>/<name>` plus `<name>.meta.json`, and while a
/// download is unfinished `<name>.part` and `<name>.part.meta.json`. The final name only ever
/// appears through an atomic rename, so a crash never leaves half a file under it.
public struct FetchCache: Sendable {
    /// The cache root.
    public let root: URL

    /// A cache rooted at `root` (created on first use).
    public init(root: URL) {
        self.root = root
    }

    /// `$XDG_CACHE_HOME/transparencia`, else `~/.cache/transparencia`.
    public static var defaultRoot: URL {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("transparencia")
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache").appendingPathComponent("transparencia")
    }

    /// The folder that holds everything cached for `url`.
    public func folder(for url: String) -> URL {
        root.appendingPathComponent(String(FileDigest.sha256(of: url).prefix(16)))
    }

    /// The paths used for one URL saved under `fileName`.
    func slot(for url: String, fileName: String) -> CacheSlot {
        CacheSlot(folder: folder(for: url), fileName: fileName)
    }
}

/// The files that belong to one cached URL.
struct CacheSlot: Sendable {
    let folder: URL
    let fileName: String

    var file: URL { folder.appendingPathComponent(fileName) }
    var meta: URL { folder.appendingPathComponent(fileName + ".meta.json") }
    var part: URL { folder.appendingPathComponent(fileName + ".part") }
    var partMeta: URL { folder.appendingPathComponent(fileName + ".part.meta.json") }

    func createFolder() throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FetchError.fileSystem(path: folder.path, message: SystemErrorText.describe(error))
        }
    }

    /// The cached entry, only if its file is still there with the recorded size.
    func validEntry() -> CacheEntry? {
        guard let entry: CacheEntry = JSONFile.read(meta),
            let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            let size = attributes[.size] as? NSNumber, size.int64Value == entry.size
        else { return nil }
        return entry
    }

    /// The partial download's size and metadata, if both are present.
    func partial() -> (size: Int64, entry: PartialEntry)? {
        guard let entry: PartialEntry = JSONFile.read(partMeta),
            let attributes = try? FileManager.default.attributesOfItem(atPath: part.path),
            let size = attributes[.size] as? NSNumber
        else { return nil }
        return (size.int64Value, entry)
    }

    /// Removes the URL's folder when a failed first download left nothing in it.
    func removeFolderIfEmpty() {
        // rmdir refuses non-empty folders, which is exactly the check wanted.
        _ = rmdir(folder.path)
    }

    /// Removes the partial download and its metadata.
    func discardPartial() {
        try? FileManager.default.removeItem(at: part)
        try? FileManager.default.removeItem(at: partMeta)
    }
}
