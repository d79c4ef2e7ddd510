import Formats
import Foundation

/// Streams one table into its published files: `<name>.csv` in the format profile, and `<name>.json` (an array
/// of objects, one per line) or `<name>.jsonl` (JSON Lines). Every row passes the privacy guard and, with
/// `--since`, the changelog on its way.
final class TableFileSink: FieldTableSink {
    /// What was written, for the descriptor and the summary.
    struct Written {
        var heading: TableHeading
        var csvName: String
        var jsonName: String
        var rows: Int
        var footing: TableFooting
        /// Size and SHA-256 of the CSV, taken while writing it.
        var csvDigest: FileDigest
    }

    /// The staging folder (``PublicationStaging/folder``): a URL, so a sink can be made on any thread.
    private let folder: URL
    private let profile: FormatProfile
    private let jsonLines: Bool
    private let privacy: PrivacyGuard?
    private let changes: TableChangeTracker?
    private var heading = TableHeading(name: "", title: "", columns: [])
    /// The table being written.
    private var rows: FieldRowWriter?
    private let csvEncoder: CSVRowEncoder
    /// Set by ``finish(_:)``.
    private(set) var written: Written?

    init(
        folder: URL, profile: FormatProfile, jsonLines: Bool, privacy: PrivacyGuard?,
        changes: TableChangeTracker?
    ) {
        self.folder = folder
        self.profile = profile
        self.jsonLines = jsonLines
        self.privacy = privacy
        self.changes = changes
        self.csvEncoder = CSVRowEncoder(profile: profile)
    }

    func begin(_ heading: TableHeading) throws {
        rows = try open(heading)
        try changes?.begin(heading)
    }

    /// Starts the table for field-by-field writing; nil with `--since` (the changelog compares cells).
    func beginFields(_ heading: TableHeading) throws -> FieldRowWriter? {
        guard changes == nil else { return nil }
        return try open(heading)
    }

    func finishFields(_ rows: FieldRowWriter, _ footing: TableFooting) throws {
        let digest = try rows.finish()
        written = Written(
            heading: heading, csvName: heading.name + ".csv", jsonName: jsonName(heading), rows: rows.count,
            footing: footing, csvDigest: digest)
    }

    func write(_ row: [Cell]) throws {
        guard let rows else { return }
        try rows.write(row)
        try changes?.add(row)
    }

    func finish(_ footing: TableFooting) throws {
        guard let rows else { return }
        self.rows = nil
        try finishFields(rows, footing)
        try changes?.finish()
    }

    func abandonFields() throws {
        let rows = self.rows
        self.rows = nil
        try rows?.abandon()
    }

    /// Creates the table's files in the staging folder and the writer of its rows.
    private func open(_ heading: TableHeading) throws -> FieldRowWriter {
        self.heading = heading
        var start: [UInt8] = profile.writesByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        csvEncoder.header(heading.columns, into: &start)
        let csv = try BufferedFileWriter(url: folder.appendingPathComponent(heading.name + ".csv"))
        let json = try BufferedFileWriter(url: folder.appendingPathComponent(jsonName(heading)))
        let pool = ByteStoragePool()
        return FieldRowWriter(
            row: FieldRow(
                heading: heading, profile: profile, jsonLines: jsonLines, privacy: privacy, csvStart: start, pool: pool),
            output: FileChunkWriter(csv: csv, json: json, pool: pool))
    }

    private func jsonName(_ heading: TableHeading) -> String { heading.name + (jsonLines ? ".jsonl" : ".json") }
}
