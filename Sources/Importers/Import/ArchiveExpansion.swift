import Formats
import Foundation

/// The files an import reads from what the user gave: the file itself, or the entries of a ZIP extracted to a
/// private temporary folder (with ``SafeZipArchive``'s path and inflate limits, streamed, never whole in memory).
public struct ArchiveExpansion {
    /// One file to import.
    public struct Input: Sendable {
        /// The bytes to read.
        public var url: URL
        /// The name reported and stored (`datos.zip:2022-05_Guatecompras.json`).
        public var displayName: String
        /// True for the user's own file (its digest may be known already); false for an extracted entry.
        public var isOriginal: Bool

        public func file(makeStage: @escaping @Sendable () throws -> any RowStage) -> ImportFile {
            ImportFile(url: url, displayName: displayName, makeStage: makeStage)
        }
    }

    public private(set) var inputs: [Input] = []
    private var temporaryDirectory: URL?

    /// Expands `url` as the importer's ``Importer/archiveHandling(entryPaths:)`` asks.
    /// - Throws: ``FormatsError`` for an unsafe or corrupt ZIP.
    public init(_ url: URL, handling: ([String]) -> ArchiveHandling, limits: SafeZipArchive.Limits = .init()) throws {
        let original = Input(url: url, displayName: url.lastPathComponent, isOriginal: true)
        guard try Self.isZip(url) else {
            inputs = [original]
            return
        }
        let archive = try SafeZipArchive(url: url, limits: limits)
        let paths = archive.entries.filter { !$0.isDirectory && !Self.isJunk($0.path) }.map(\.path)
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
                    "entrada-\(index)."
                        + ((path as NSString).pathExtension.isEmpty ? "dat" : (path as NSString).pathExtension))
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

    /// Entries that are not data: macOS resource forks and folders.
    public static func isJunk(_ path: String) -> Bool {
        path.hasPrefix("__MACOSX/") || (path as NSString).lastPathComponent.hasPrefix("._")
    }

    /// Deletes what was extracted.
    public func removeTemporaryFiles() {
        if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
    }

    /// True when the file starts like a ZIP (`PK\3\4`, or `PK\5\6` for an empty archive).
    public static func isZip(_ url: URL) throws -> Bool {
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
