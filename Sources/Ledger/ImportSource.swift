import Foundation

/// Where an import's rows come from: the identity stored in `import_run`.
public struct ImportSource: Sendable, Hashable {
    public var sourceKind: String
    public var fileName: String
    public var sha256: String
    public var bytes: Int64
    public var sourceURL: String?
    public var etag: String?

    public init(sourceKind: String, fileName: String, sha256: String, bytes: Int64, sourceURL: String? = nil, etag: String? = nil) {
        self.sourceKind = sourceKind
        self.fileName = fileName
        self.sha256 = sha256
        self.bytes = bytes
        self.sourceURL = sourceURL
        self.etag = etag
    }
}
