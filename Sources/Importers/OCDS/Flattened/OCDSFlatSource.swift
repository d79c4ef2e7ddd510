import Formats
import Foundation

/// A flattened OCDS file (flatten-tool output, as the OCP Data Registry and Guatecompras publish it): one XLSX
/// with a sheet per list, a ZIP of the same sheets as CSV, or one CSV (the main sheet alone).
enum OCDSFlatSource: Sendable, Hashable {
    case xlsx
    case csvZip
    case csv

    /// The flattened shape of `url`, or nil when it is JSON (or anything else).
    ///
    /// An XLSX is a ZIP holding a workbook part; a ZIP of CSV holds `.csv` entries and no JSON; a lone CSV is
    /// known by its extension.
    static func detect(_ url: URL, limits: SafeZipArchive.Limits = .init()) throws -> OCDSFlatSource? {
        guard try ArchiveExpansion.isZip(url) else {
            return ["csv", "tsv", "txt"].contains(url.pathExtension.lowercased()) ? .csv : nil
        }
        let archive = try SafeZipArchive(url: url, limits: limits)
        if isWorkbook(archive) { return .xlsx }
        let files = archive.entries.filter { !$0.isDirectory && !isJunk($0.path) }
        let extensions = Set(files.map { ($0.path as NSString).pathExtension.lowercased() })
        if extensions.contains("csv") && extensions.isDisjoint(with: ["json", "jsonl", "ndjson"]) { return .csvZip }
        return nil
    }

    /// True when a ZIP is an Office Open XML workbook.
    static func isWorkbook(_ archive: SafeZipArchive) -> Bool {
        archive.contains("xl/workbook.xml") || archive.contains("[Content_Types].xml")
    }

    /// Entries that are not data: macOS resource forks and folders.
    static func isJunk(_ path: String) -> Bool { ArchiveExpansion.isJunk(path) }

    /// What the summary says about this shape.
    var displayName: String {
        switch self {
        case .xlsx: "XLSX"
        case .csvZip: "CSV en ZIP"
        case .csv: "CSV"
        }
    }

    /// The workbooks inside the file, each a set of sheets as CSV files (written under `temporaryDirectory` when
    /// they must be extracted or converted). A ZIP with CSV in several folders holds one workbook per folder.
    ///
    /// - Throws: ``FormatsError`` for an unsafe or corrupt ZIP or XLSX.
    func workbooks(
        _ url: URL, displayName: String, temporaryDirectory: URL, limits: XLSXReader.Limits = .init()
    ) throws -> [[OCDSFlatSheet]] {
        switch self {
        case .csv:
            let name = (url.lastPathComponent as NSString).deletingPathExtension
            return [[OCDSFlatSheet(name: name, label: displayName, url: url, numbered: false)]]
        case .csvZip:
            return try Self.extractCSV(url, displayName: displayName, into: temporaryDirectory, limits: limits.zip)
        case .xlsx:
            return [try Self.convertWorksheets(url, displayName: displayName, into: temporaryDirectory, limits: limits)]
        }
    }

    private static func extractCSV(
        _ url: URL, displayName: String, into directory: URL, limits: SafeZipArchive.Limits
    ) throws -> [[OCDSFlatSheet]] {
        let archive = try SafeZipArchive(url: url, limits: limits)
        var folders: [String] = []
        var sheets: [String: [OCDSFlatSheet]] = [:]
        var extracted = 0
        for entry in archive.entries where !entry.isDirectory && !isJunk(entry.path) {
            guard (entry.path as NSString).pathExtension.lowercased() == "csv" else { continue }
            let folder = (entry.path as NSString).deletingLastPathComponent
            let name = ((entry.path as NSString).lastPathComponent as NSString).deletingPathExtension
            // The entry's own name is never used as a path: a numbered file in our own directory.
            let target = directory.appendingPathComponent("hoja-\(extracted).csv")
            extracted += 1
            try OCDSFlatFileWriter.write(to: target, file: displayName) { writer in
                try archive.stream(entry.path, chunkSize: 1 << 20) { chunk in try writer.write(chunk) }
            }
            if sheets[folder] == nil { folders.append(folder) }
            sheets[folder, default: []].append(
                OCDSFlatSheet(name: name, label: displayName + ":" + entry.path, url: target, numbered: false))
        }
        return folders.compactMap { sheets[$0] }
    }

    /// Copies each worksheet to a CSV file (UTF-8, every field quoted, the row number first), one sheet in memory
    /// at a time, so the sheets can then be read side by side.
    private static func convertWorksheets(
        _ url: URL, displayName: String, into directory: URL, limits: XLSXReader.Limits
    ) throws -> [OCDSFlatSheet] {
        var sheets: [OCDSFlatSheet] = []
        func convert(_ reader: XLSXReader) throws {
            let target = directory.appendingPathComponent("hoja-\(sheets.count).csv")
            try OCDSFlatFileWriter.write(to: target, file: displayName) { writer in
                while let record = try reader.next() {
                    var line = "\"\(record.line)\""
                    for field in record.fields {
                        line += ",\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    }
                    try writer.write(Data((line + "\n").utf8))
                }
            }
            sheets.append(
                OCDSFlatSheet(
                    name: reader.sheetName, label: "\(displayName)[\(reader.sheetName)]", url: target, numbered: true))
        }
        let names = try XLSXReader.withSheet(url: url, limits: limits) { reader in
            try convert(reader)
            return reader.sheetNames
        }
        for name in names.dropFirst() {
            try XLSXReader.withSheet(url: url, sheet: name, limits: limits) { reader in try convert(reader) }
        }
        return sheets
    }
}
