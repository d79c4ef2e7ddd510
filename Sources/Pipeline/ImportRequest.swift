import Domain
import Foundation
import Importers

/// One import asked of the pipeline: a file, what to read it as, and how.
public struct ImportRequest: Sendable {
    /// The file (a ZIP is opened and its entries imported one by one, or read whole, as the kind decides).
    public var file: URL
    public var kind: SourceKind
    /// What the user told the importers (year, month, sheet, date order, separator…).
    public var options: ImportOptions
    /// Validate and count everything without keeping any change.
    public var dryRun: Bool
    /// Import the valid rows of a file with errors, storing the rejected ones with their reason.
    public var allowRejects: Bool
    /// Where the file came from, when `fetch` brought it.
    public var provenance: ImportProvenance?

    public init(
        file: URL, kind: SourceKind, options: ImportOptions = ImportOptions(), dryRun: Bool = false,
        allowRejects: Bool = false, provenance: ImportProvenance? = nil
    ) {
        self.file = file
        self.kind = kind
        self.options = options
        self.dryRun = dryRun
        self.allowRejects = allowRejects
        self.provenance = provenance
    }
}

/// Where a downloaded file came from: recorded with its import run, and its digest reused instead of hashing
/// the file again.
public struct ImportProvenance: Sendable, Hashable {
    public var sourceURL: String?
    public var etag: String?
    /// The file's digest, when whoever wrote it already computed it.
    public var digest: FileIdentity?

    public init(sourceURL: String?, etag: String?, digest: FileIdentity? = nil) {
        self.sourceURL = sourceURL
        self.etag = etag
        self.digest = digest
    }
}

/// A file's SHA-256 (lowercase hex) and size.
public struct FileIdentity: Sendable, Hashable {
    public var sha256: String
    public var bytes: Int64

    public init(sha256: String, bytes: Int64) {
        self.sha256 = sha256
        self.bytes = bytes
    }
}
