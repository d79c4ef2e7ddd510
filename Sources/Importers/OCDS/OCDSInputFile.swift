import Formats
import Foundation

/// One JSON document to import: a file given by the user, or a JSON entry of a ZIP extracted to a temporary file.
public struct OCDSInputFile: Sendable {
    /// The file to read.
    public var url: URL
    /// The name shown in diagnostics and stored in `import_run` (`2022-05.zip:2022-05_Guatecompras.json`).
    public var displayName: String
    /// True when ``url`` is a temporary extraction to delete after the import.
    public var isTemporary: Bool

    /// The documents inside a path: the file itself, or each `.json`/`.jsonl` entry of a ZIP (extracted with
    /// ``SafeZipArchive``'s path and inflate limits into `temporaryDirectory`, streaming, never whole in memory).
    ///
    /// Flattened OCDS (flatten-tool output) is read by ``OCDSImporter`` itself: an XLSX and a ZIP of CSV (with no
    /// JSON) are their own single document; each `.xlsx` inside a ZIP is extracted like a JSON entry.
    ///
    /// - Throws: ``FormatsError`` for an unsafe or corrupt ZIP, or a ZIP with neither JSON, XLSX nor CSV inside.
    public static func inputs(for url: URL, temporaryDirectory: URL, limits: SafeZipArchive.Limits = .init()) throws
        -> [OCDSInputFile]
    {
        guard try isZip(url) else {
            return [OCDSInputFile(url: url, displayName: url.lastPathComponent, isTemporary: false)]
        }
        let archive = try SafeZipArchive(url: url, limits: limits)
        let whole = [OCDSInputFile(url: url, displayName: url.lastPathComponent, isTemporary: false)]
        if OCDSFlatSource.isWorkbook(archive) { return whole }
        var inputs: [OCDSInputFile] = []
        func entries(_ extensions: Set<String>) -> [SafeZipArchive.EntryInfo] {
            archive.entries.filter { entry in
                !entry.isDirectory && !OCDSFlatSource.isJunk(entry.path)
                    && extensions.contains((entry.path as NSString).pathExtension.lowercased())
            }
        }
        var documents = entries(["json", "jsonl", "ndjson"])
        if documents.isEmpty {
            documents = entries(["xlsx"])
            if documents.isEmpty && !entries(["csv"]).isEmpty { return whole }
        }
        guard !documents.isEmpty else {
            throw FormatsError.zipEntryMissing(file: url.lastPathComponent, entry: "*.json, *.xlsx o *.csv")
        }
        for (index, entry) in documents.enumerated() {
            let name = (entry.path as NSString).lastPathComponent
            // The entry's own name is never used as a path: a numbered file in our own directory.
            let target = temporaryDirectory.appendingPathComponent(
                "entrada-\(index)." + (name as NSString).pathExtension)
            guard FileManager.default.createFile(atPath: target.path, contents: nil),
                let handle = try? FileHandle(forWritingTo: target)
            else {
                throw FormatsError.unreadable(
                    file: url.lastPathComponent, cause: "no se pudo crear un archivo temporal")
            }
            defer { try? handle.close() }
            try archive.stream(entry.path, chunkSize: 1 << 20) { chunk in try handle.write(contentsOf: chunk) }
            inputs.append(
                OCDSInputFile(url: target, displayName: url.lastPathComponent + ":" + entry.path, isTemporary: true))
        }
        return inputs
    }

    /// True when the file starts like a ZIP (an XLSX is one).
    static func isZip(_ url: URL) throws -> Bool {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw FormatsError.unreadable(file: url.lastPathComponent, cause: error.localizedDescription)
        }
        defer { try? handle.close() }
        let magic = try handle.read(upToCount: 4) ?? Data()
        return magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }
}
