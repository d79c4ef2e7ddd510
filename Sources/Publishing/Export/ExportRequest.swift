import Foundation

/// What `transparencia export` is asked to publish, and how.
public struct ExportRequest: Sendable {
    /// The tables, in the order they are written (`Dataset.published` by default).
    public var datasets: [Dataset]
    public var scope: DatasetScope
    /// The output folder (created when missing).
    public var directory: URL
    /// How CSV files are written.
    public var format: FormatProfile
    /// JSON Lines (`.jsonl`) instead of a JSON array (`.json`).
    public var jsonLines: Bool
    /// An earlier publication to compare with: writes `cambios.csv` and `cambios.json`.
    public var since: URL?
    /// The descriptor's `created`.
    public var created: Date
    /// The tool's version, for the descriptor.
    public var toolVersion: String
    /// Build and check everything (the privacy guard included), publish nothing.
    public var dryRun: Bool

    public init(
        datasets: [Dataset] = Dataset.published, scope: DatasetScope, directory: URL, format: FormatProfile = .abierto,
        jsonLines: Bool = false, since: URL? = nil, created: Date = Date(), toolVersion: String, dryRun: Bool = false
    ) {
        self.datasets = datasets
        self.scope = scope
        self.directory = directory
        self.format = format
        self.jsonLines = jsonLines
        self.since = since
        self.created = created
        self.toolVersion = toolVersion
        self.dryRun = dryRun
    }
}
