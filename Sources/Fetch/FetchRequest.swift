import Foundation

/// One thing to download: a URL and the file name to keep it under.
public struct FetchRequest: Sendable, Hashable {
    /// The `http`/`https` URL.
    public var url: String
    /// The file name in the cache and in `--out` (no directories).
    public var fileName: String

    /// A request; the file name defaults to the URL's last path component.
    public init(url: String, fileName: String? = nil) {
        self.url = url
        self.fileName = FetchRequest.safeFileName(fileName ?? FetchRequest.fileName(from: url))
    }

    /// The last path component of the URL, or `descarga` when there is none.
    public static func fileName(from url: String) -> String {
        guard let components = URLComponents(string: url) else { return "descarga" }
        let last = components.path.split(separator: "/").last.map(String.init) ?? ""
        let decoded = last.removingPercentEncoding ?? last
        return decoded.isEmpty ? "descarga" : decoded
    }

    /// Keeps a name inside its folder: no separators, no leading dots, nothing empty.
    static func safeFileName(_ name: String) -> String {
        var cleaned = String(name.map { $0 == "/" || $0 == "\\" || $0 == "\0" ? "_" : $0 })
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        return cleaned.isEmpty ? "descarga" : cleaned
    }
}
