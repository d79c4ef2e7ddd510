import Formats
import Foundation
import Importers

/// The files an import reads from what the user gave: the file itself, or the entries of a ZIP extracted to a
/// private temporary folder (with ``SafeZipArchive``'s path and inflate limits, streamed, never whole in memory).
struct ArchiveExpansion {
    /// One file to import.
    struct Input {
        /// The bytes to read.
        var url: URL
        /// The name reported and stored (`datos.zip:2022-05_Guatecompras.json`).
        var displayName: String
        /// True for the user's own file (its digest may be known already); false for an extracted entry.
        var isOriginal: Bool

        func file(makeStage: @escaping @Sendable () throws -> any RowStage) -> ImportFile {
            ImportFile(url: url, displayName: displayName, makeStage: makeStage)
        }
    }

    private(set) var inputs: [Input] = []
    private var temporaryDirectory: URL?

    /// Expands `url` as the importer's ``Importer/archiveHandling(entryPaths:)`` asks.
    /// - Throws: ``FormatsError`` for an unsafe or corrupt ZIP.
    init(_ url: URL, handling: ([String]) -> ArchiveHandling) throws {
        let original = Input(url: url, displayName: url.lastPathComponent, isOriginal: true)
        guard try Self.isZip(url) else {
            inputs = [original]
            return
        }
        let archive = try SafeZipArchive(url: url)
        let paths = archive.entries.filter { !$0.isDirectory }.map(\.path)
        switch handling(paths) {
        case .whole:
            inputs = [original]
        case .eachEntry(let wanted):
            guard !wanted.isEmpty else { return }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "transparencia-zip-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            temporaryDirectory = directory
            for (index, path) in wanted.enumerated() {
                // The entry's own name is never used as a path: a numbered file in our own folder.
                let target = directory.appendingPathComponent(
                    "entrada-\(index)." + ((path as NSString).pathExtension.isEmpty ? "dat" : (path as NSString).pathExtension))
                guard FileManager.default.createFile(atPath: target.path, contents: nil),
                    let handle = try? FileHandle(forWritingTo: target)
                else {
                    throw FormatsError.unreadable(
                        file: url.lastPathComponent, cause: "no se pudo crear un archivo temporal")
                }
                defer { try? handle.close() }
                try archive.stream(path, chunkSize: 1 << 20) { chunk in try handle.write(contentsOf: chunk) }
                inputs.append(Input(url: target, displayName: url.lastPathComponent + ":" + path, isOriginal: false))
            }
        }
    }

    /// Deletes what was extracted.
    func removeTemporaryFiles() {
        if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
    }

    /// True when the file starts like a ZIP (`PK\3\4`, or `PK\5\6` for an empty archive).
    static func isZip(_ url: URL) throws -> Bool {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw FormatsError.unreadable(file: url.lastPathComponent, cause: SystemErrorText.describe(error))
        }
        defer { try? handle.close() }
        let magic = try handle.read(upToCount: 4) ?? Data()
        return magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }
}
