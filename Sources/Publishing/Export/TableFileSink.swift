import Formats
import Foundation

/// Streams one table into its published files: `<name>.csv` in the format profile, and `<name>.json` (an array
/// of objects, one per line) or `<name>.jsonl` (JSON Lines). Every row passes the privacy guard and, with
/// `--since`, the changelog on its way.
final class TableFileSink: TableSink {
    /// What was written, for the descriptor and the summary.
    struct Written {
        var heading: TableHeading
        var csvName: String
        var jsonName: String
        var rows: Int
        var footing: TableFooting
        /// Size and SHA-256 of each file, taken while writing it.
        var csvDigest: FileDigest
        var jsonDigest: FileDigest
    }

    /// The staging folder (``PublicationStaging/folder``): a URL, so a sink can be made on any thread.
    private let folder: URL
    private let profile: FormatProfile
    private let jsonLines: Bool
    private let privacy: PrivacyGuard?
    private let changes: TableChangeTracker?
    private var csv: BufferedFileWriter?
    private var json: BufferedFileWriter?
    private var heading = TableHeading(name: "", title: "", columns: [])
    private var rows = 0
    private let csvEncoder: CSVRowEncoder
    private var jsonEncoder = JSONRowEncoder(columns: [])
    /// For each column, true when the privacy guard must look at its values (the profile did not allow it).
    private var guardedColumns: [Bool] = []
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
        self.heading = heading
        jsonEncoder = JSONRowEncoder(columns: heading.columns)
        guardedColumns = heading.columns.map { privacy?.allows(table: heading.name, column: $0.name) == false }
        let csv = try BufferedFileWriter(url: folder.appendingPathComponent(heading.name + ".csv"))
        if profile.writesByteOrderMark { csv.buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        csvEncoder.header(heading.columns, into: &csv.buffer)
        self.csv = csv
        json = try BufferedFileWriter(
            url: folder.appendingPathComponent(heading.name + (jsonLines ? ".jsonl" : ".json")))
        try changes?.begin(heading)
    }

    func write(_ row: [Cell]) throws {
        guard let csv, let json else { return }
        rows += 1
        if let privacy {
            for index in row.indices where index < guardedColumns.count && guardedColumns[index] {
                switch row[index] {
                case .text, .person:
                    privacy.check(row[index], table: heading.name, column: heading.columns[index].name, row: rows)
                default: continue
                }
            }
        }
        csvEncoder.row(row, into: &csv.buffer)
        try csv.flushIfFull()
        if !jsonLines {
            json.buffer.append(contentsOf: rows == 1 ? [0x5B, 0x0A, 0x20, 0x20] : [0x2C, 0x0A, 0x20, 0x20])
        }
        jsonEncoder.object(row, into: &json.buffer)
        if jsonLines { json.buffer.append(0x0A) }
        try json.flushIfFull()
        try changes?.add(row)
    }

    func finish(_ footing: TableFooting) throws {
        guard let csv, let json else { return }
        if !jsonLines { json.buffer.append(contentsOf: Array((rows == 0 ? "[]\n" : "\n]\n").utf8)) }
        let csvDigest = try csv.close()
        let jsonDigest = try json.close()
        try changes?.finish()
        written = Written(
            heading: heading, csvName: csv.url.lastPathComponent, jsonName: json.url.lastPathComponent, rows: rows,
            footing: footing, csvDigest: csvDigest, jsonDigest: jsonDigest)
    }
}
