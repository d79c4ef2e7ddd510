import Foundation

/// The arguments of `transparencia import <kind> FILE` for a fetched file, carrying its provenance.
///
/// `fetch --import` runs the importer in-process with these arguments, so the import run records
/// where the bytes came from (`--source-url`) and which version they were (`--etag`).
public struct ImportHandoff: Sendable, Equatable {
    /// The import subcommand (`ocds`, `compras`, `ejecucion`, `metas`…).
    public var kind: String
    /// The downloaded file.
    public var file: URL
    /// The URL the file was requested from.
    public var sourceURL: String
    /// The server's ETag for that version, if any.
    public var etag: String?
    /// Options passed through unchanged (`--db`, `--profile`, `--quiet`…).
    public var passThrough: [String]

    /// Builds the hand-off from its parts.
    public init(kind: String, file: URL, sourceURL: String, etag: String?, passThrough: [String] = []) {
        self.kind = kind
        self.file = file
        self.sourceURL = sourceURL
        self.etag = etag
        self.passThrough = passThrough
    }

    /// Builds the hand-off for a fetched file.
    public init(kind: String, fetched: FetchedFile, file: URL? = nil, passThrough: [String] = []) {
        self.init(kind: kind, file: file ?? fetched.path, sourceURL: fetched.request.url,
                  etag: fetched.entry.etag, passThrough: passThrough)
    }

    /// The arguments after `import` (`=` joins values, so one starting with `-` is never read as an option).
    public var arguments: [String] {
        var arguments = [kind, file.path, "--source-url=\(sourceURL)"]
        if let etag { arguments.append("--etag=\(etag)") }
        return arguments + passThrough
    }
}
