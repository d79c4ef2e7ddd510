import Foundation

/// Writes the tables a single page shows (one directorate's products, one NOG's facts, a cuatrimestre) into
/// `datos/paginas/` with the exporter's writers, so every page's downloads hold exactly its data: open CSV,
/// JSON, and CSV for Excel (`datos/paginas/excel/`).
struct PageDataWriter {
    let folder: URL
    private(set) var written = 0

    init(site: URL) throws {
        folder = site.appendingPathComponent("datos/paginas")
        try PortalFiles.createFolder(folder.appendingPathComponent("excel"))
    }

    /// Writes a table under a file name (without extension) and returns its downloads.
    mutating func write(_ table: DataTable, as name: String, label: String) throws -> PortalDownload {
        try Self.writeFiles(table, as: name, in: folder)
        return planned(name, label: label)
    }

    /// Counts the files of a table that another thread writes with ``writeFiles(_:as:in:)``, and returns its
    /// downloads.
    mutating func planned(_ name: String, label: String) -> PortalDownload {
        written += 3
        return PortalDownload(page: name, label: label)
    }

    /// The open CSV, the JSON and the Excel CSV of a table, under `name` in `folder`.
    static func writeFiles(_ table: DataTable, as name: String, in folder: URL) throws {
        try PortalFiles.write(
            CSVTableWriter.render(table, profile: .abierto), to: folder.appendingPathComponent("\(name).csv"))
        try PortalFiles.write(JSONTableWriter.render(table), to: folder.appendingPathComponent("\(name).json"))
        // The Excel profile's files start with a byte-order mark, as `export --format-profile excel` writes them.
        try PortalFiles.write(
            "\u{FEFF}" + CSVTableWriter.render(table, profile: .excel),
            to: folder.appendingPathComponent("excel/\(name).csv"))
    }
}
