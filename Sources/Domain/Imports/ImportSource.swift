import Foundation

/// The identity of a file about to be imported: what `import_run` records before any row is written.
public struct ImportSource: Sendable, Hashable {
    public var sourceKind: String
    /// The name shown and stored (`2022-05.zip:2022-05_Guatecompras.json` for a ZIP entry).
    public var fileName: String
    public var sha256: String
    public var bytes: Int64
    public var sourceURL: String?
    public var etag: String?

    public init(
        sourceKind: String, fileName: String, sha256: String, bytes: Int64, sourceURL: String? = nil,
        etag: String? = nil
    ) {
        self.sourceKind = sourceKind
        self.fileName = fileName
        self.sha256 = sha256
        self.bytes = bytes
        self.sourceURL = sourceURL
        self.etag = etag
    }
}
