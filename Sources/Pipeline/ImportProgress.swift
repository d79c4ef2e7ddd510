import Domain
import Foundation

/// How far an import got, for a progress line.
public struct ImportProgress: Sendable {
    public var fileName: String
    public var kind: SourceKind
    /// Bytes of the file read so far (0 when unknown, as inside an XLSX sheet).
    public var bytes: Int64
    /// The file's size (0 when unknown).
    public var totalBytes: Int64
    /// Rows or records read so far.
    public var rows: Int
    /// Seconds since the import started.
    public var seconds: Double
}

/// What the pipeline tells its caller while it works.
public enum PipelineEvent: Sendable {
    /// A file is being read.
    case progress(ImportProgress)
    /// A file's import ended (imported, simulated, refused…): printed as soon as it is known.
    case finished(ImportReport)
}
