import Domain
import Foundation

extension OCDSImporter: Importer {
    public var acceptedExtensions: Set<String> { ["json", "jsonl", "ndjson", "xlsx", "csv"] }

    /// A ZIP of JSON documents is read entry by entry; a workbook, or a ZIP of flatten-tool CSV sheets, is one
    /// flattened input read whole; a ZIP that holds workbooks has each extracted.
    public func archiveHandling(entryPaths: [String]) -> ArchiveHandling {
        func entries(_ extensions: Set<String>) -> [String] {
            entryPaths.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
        }
        if entryPaths.contains("xl/workbook.xml") || entryPaths.contains("[Content_Types].xml") { return .whole }
        let documents = entries(["json", "jsonl", "ndjson"])
        if !documents.isEmpty { return .eachEntry(documents) }
        let workbooks = entries(["xlsx"])
        if !workbooks.isEmpty { return .eachEntry(workbooks) }
        return entries(["csv"]).isEmpty ? .eachEntry([]) : .whole
    }

    /// Bytes read between two progress events when no record comes out.
    static let progressBytes: Int64 = 8 << 20

    /// Reads an OCDS file of any shape, handing over one procurement per contracting process.
    public func read(_ file: ImportFile, emit: (consuming ImportEvent<Procurement>) throws -> Void) throws
        -> ImportReading
    {
        var position: (bytes: Int64, records: Int) = (0, 0)
        var reported = 0
        var reportedBytes: Int64 = 0
        let summary = try read(file.url, displayName: file.displayName) { bytes, records in
            position = (bytes, records)
            // A release package's first pass hands over nothing until every release is indexed: progress by bytes
            // keeps the line moving, and lets a stopped import (or one found already done) end within megabytes.
            if bytes - reportedBytes >= Self.progressBytes {
                reportedBytes = bytes
                try emit(.progress(bytes: bytes, rows: records))
            }
        } handle: { event in
            // Progress moves with every element; a few hundred elements apart is often enough for a progress line.
            if position.records - reported >= 500 {
                reported = position.records
                try emit(.progress(bytes: position.bytes, rows: position.records))
            }
            switch event {
            case .procurement(let procurement, let location):
                try emit(
                    .record(
                        procurement,
                        at: RecordPosition(line: location.line, path: location.path, offset: location.offset)))
            case .rejected(let diagnostic): try emit(.rejected(diagnostic))
            case .diagnostic(let diagnostic): try emit(.diagnostic(diagnostic))
            case .repaired(let repair): try emit(.repaired(repair))
            }
        }
        return ImportReading(shape: summary.shape, rowsRead: summary.recordsRead, rowsRejected: summary.rejected)
    }
}
