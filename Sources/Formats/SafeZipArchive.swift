import Foundation
import ZIPFoundation

/// A read-only ZIP archive that refuses what a hostile or broken file could do to us.
///
/// Every entry name is checked when the archive is opened: absolute paths, `..` components and
/// symbolic links make the whole archive unreadable, because a file that carries them is not one a
/// Guatemalan system produced. Reading an entry counts the bytes actually inflated (not the sizes the
/// archive declares, which a ZIP bomb lies about) and stops at the per-entry, total and
/// compression-ratio limits.
public final class SafeZipArchive {
    /// Limits on what reading the archive may inflate.
    public struct Limits: Sendable, Hashable {
        /// Largest uncompressed size of one entry.
        public var maxEntryBytes: Int64 = 1 << 30
        /// Largest sum of uncompressed bytes read from the whole archive.
        public var maxTotalBytes: Int64 = 4 << 30
        /// Largest uncompressed/compressed ratio, checked once an entry passes `ratioFloorBytes`.
        public var maxCompressionRatio: Int64 = 1_000
        /// Small entries (XML of a few kB) may compress a lot; the ratio is only checked above this size.
        public var ratioFloorBytes: Int64 = 1 << 20
        /// Most entries an archive may have.
        public var maxEntries = 10_000

        /// The default limits: 1 GB per entry, 4 GB in all, 1000:1 above 1 MB, 10,000 entries.
        public init() {}
    }

    /// What the central directory says about one entry.
    public struct EntryInfo: Sendable, Hashable {
        /// The entry's path inside the archive, as stored (forward slashes).
        public var path: String
        /// The size stored in the archive.
        public var compressedSize: Int64
        /// The size the archive declares; reading checks the real one.
        public var declaredSize: Int64
        /// True for directory entries (some tools add them, e.g. `xl/`).
        public var isDirectory: Bool
    }

    /// The archive's file name, for messages.
    public let fileName: String
    /// Files and directories, in central-directory order.
    public let entries: [EntryInfo]
    /// The limits reading enforces.
    public let limits: Limits
    private let archive: Archive
    private var byPath: [String: Entry] = [:]
    private var totalRead: Int64 = 0

    /// Opens and vets a ZIP file.
    /// - Throws: ``FormatsError/notZip(file:detail:)`` when the file is not a ZIP archive,
    ///   ``FormatsError/unsafeZipEntry(file:entry:reason:)`` for a path or link that could escape,
    ///   ``FormatsError/zipLimit(file:entry:detail:)`` for too many entries or a declared bomb.
    public init(url: URL, limits: Limits = Limits()) throws {
        self.fileName = url.lastPathComponent
        self.limits = limits
        let magic = try Self.leadingBytes(of: url, count: 4)
        // Local file header, or the end-of-central-directory record of an empty archive.
        guard magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw FormatsError.notZip(file: fileName, detail: "no empieza con la firma «PK» de un ZIP")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw FormatsError.notZip(file: fileName, detail: ZipErrorText.describe(error))
        }
        var infos: [EntryInfo] = []
        var byPath: [String: Entry] = [:]
        for entry in archive {
            if infos.count >= limits.maxEntries {
                throw FormatsError.zipLimit(
                    file: fileName, entry: nil, detail: "tiene más de \(limits.maxEntries) entradas")
            }
            let path = entry.path
            if let reason = Self.unsafeReason(path) {
                throw FormatsError.unsafeZipEntry(file: fileName, entry: path, reason: reason)
            }
            if entry.type == .symlink {
                throw FormatsError.unsafeZipEntry(file: fileName, entry: path, reason: "es un enlace simbólico")
            }
            let info = EntryInfo(
                path: path, compressedSize: Int64(clamping: entry.compressedSize),
                declaredSize: Int64(clamping: entry.uncompressedSize), isDirectory: entry.type == .directory)
            if info.declaredSize > limits.maxEntryBytes {
                throw FormatsError.zipLimit(
                    file: fileName, entry: path,
                    detail: "declara \(info.declaredSize) bytes sin comprimir (límite \(limits.maxEntryBytes))")
            }
            if let ratio = Self.ratio(info.declaredSize, over: info.compressedSize, floor: limits.ratioFloorBytes),
                ratio > limits.maxCompressionRatio
            {
                throw FormatsError.zipLimit(
                    file: fileName, entry: path,
                    detail: "se comprime \(ratio) a 1 (límite \(limits.maxCompressionRatio)): posible bomba ZIP")
            }
            infos.append(info)
            byPath[path] = entry
        }
        self.entries = infos
        self.byPath = byPath
    }

    /// True when the archive has a file (not a directory) at `path`.
    public func contains(_ path: String) -> Bool {
        guard let entry = byPath[path] else { return false }
        return entry.type == .file
    }

    /// Reads an entry whole, for parts known to be small (XML parts of a workbook).
    /// - Parameter maxBytes: a tighter cap than the archive's per-entry limit.
    public func data(for path: String, maxBytes: Int64? = nil) throws -> Data {
        var result = Data()
        try stream(path, maxBytes: maxBytes) { chunk in result.append(chunk) }
        return result
    }

    /// Feeds an entry to `consumer` in chunks, counting real inflated bytes against the limits.
    /// - Throws: ``FormatsError/zipEntryMissing(file:entry:)``, ``FormatsError/zipLimit(file:entry:detail:)``,
    ///   ``FormatsError/zipCorrupt(file:entry:inflatedBytes:cause:)``, or whatever `consumer` throws.
    public func stream(
        _ path: String, maxBytes: Int64? = nil, chunkSize: Int = 1 << 16,
        consumer: (Data) throws -> Void
    ) throws {
        guard let entry = byPath[path], entry.type == .file else {
            throw FormatsError.zipEntryMissing(file: fileName, entry: path)
        }
        let cap = min(maxBytes ?? limits.maxEntryBytes, limits.maxEntryBytes)
        let compressed = Int64(clamping: entry.compressedSize)
        let declared = Int64(clamping: entry.uncompressedSize)
        var read: Int64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { chunk in
                read += Int64(chunk.count)
                totalRead += Int64(chunk.count)
                if read > declared {
                    // A bomb declares a small size and inflates far beyond it.
                    throw FormatsError.zipLimit(
                        file: fileName, entry: path,
                        detail: "declara \(declared) bytes pero se descomprime en más: archivo manipulado o dañado")
                }
                if read > cap {
                    throw FormatsError.zipLimit(
                        file: fileName, entry: path, detail: "supera \(cap) bytes al descomprimirse")
                }
                if totalRead > limits.maxTotalBytes {
                    throw FormatsError.zipLimit(
                        file: fileName, entry: path,
                        detail: "el archivo completo supera \(limits.maxTotalBytes) bytes al descomprimirse")
                }
                if let ratio = Self.ratio(read, over: compressed, floor: limits.ratioFloorBytes),
                    ratio > limits.maxCompressionRatio
                {
                    throw FormatsError.zipLimit(
                        file: fileName, entry: path,
                        detail: "se comprime más de \(limits.maxCompressionRatio) a 1: posible bomba ZIP")
                }
                try consumer(chunk)
            }
        } catch let error as FormatsError {
            throw error
        } catch {
            // Everything else comes from ZIPFoundation or zlib (a damaged stream, a bad CRC, an unknown method), or
            // from `consumer`, whose errors are not FormatsError only when they are not ours to explain.
            guard Self.isArchiveError(error) else { throw error }
            throw FormatsError.zipCorrupt(
                file: fileName, entry: path, inflatedBytes: read, cause: ZipErrorText.describe(error))
        }
    }

    /// True for errors raised while reading the archive itself (ZIPFoundation, zlib, the file system).
    private static func isArchiveError(_ error: any Error) -> Bool {
        if error is Archive.ArchiveError || error is CocoaError || error is POSIXError { return true }
        return String(reflecting: type(of: error)).hasSuffix("CompressionError")
    }

    /// Why a stored path could escape a destination directory, or nil when it is harmless.
    static func unsafeReason(_ path: String) -> String? {
        if path.isEmpty { return "tiene un nombre vacío" }
        if path.contains("\0") { return "tiene un byte NUL en el nombre" }
        if path.hasPrefix("/") || path.hasPrefix("\\") { return "es una ruta absoluta" }
        // `C:foo` and `C:\foo` are absolute on Windows, where such archives are often made.
        if path.count >= 2, path.dropFirst().first == ":", path.first?.isLetter == true {
            return "es una ruta absoluta de Windows"
        }
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if components.contains("..") { return "contiene «..» y podría salir de la carpeta de destino" }
        return nil
    }

    private static func ratio(_ size: Int64, over compressed: Int64, floor: Int64) -> Int64? {
        guard size > floor else { return nil }
        return size / max(compressed, 1)
    }

    private static func leadingBytes(of url: URL, count: Int) throws -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return try handle.read(upToCount: count) ?? Data()
        } catch {
            throw FormatsError.unreadable(file: url.lastPathComponent, cause: SystemErrorText.describe(error))
        }
    }
}
