import Domain
import Foundation

/// A file handed to an importer: where it is, the name to report and store, and the scratch space it may use.
public struct ImportFile: Sendable {
    /// The bytes to read (a temporary extraction for a ZIP entry).
    public var url: URL
    /// The name diagnostics and `import_run` use (`2022-05.zip:2022-05_Guatecompras.json`).
    public var displayName: String
    /// Opens an empty on-disk staging area, for importers that must see a whole file before assembling records.
    public var makeStage: @Sendable () throws -> any RowStage

    /// - Parameter makeStage: the staging area to use (by default one in memory, enough for small files).
    public init(
        url: URL, displayName: String? = nil,
        makeStage: @escaping @Sendable () throws -> any RowStage = { MemoryRowStage() }
    ) {
        self.url = url
        self.displayName = displayName ?? url.lastPathComponent
        self.makeStage = makeStage
    }

    /// The file's size in bytes (0 when it cannot be read), for progress.
    public var size: Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.int64Value ?? 0
    }
}
