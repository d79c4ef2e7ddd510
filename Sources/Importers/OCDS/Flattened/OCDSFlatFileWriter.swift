import Formats
import Foundation

/// Writes a temporary file in large blocks; can cut it back to an earlier length (to redo a workbook).
final class OCDSFlatFileWriter {
    private let handle: FileHandle
    private let file: String
    private var buffer = Data()
    /// Bytes written so far, buffered ones included.
    private(set) var length: UInt64 = 0

    /// Creates (or empties) `url` for writing; `file` names the user's file in errors.
    init(url: URL, file: String) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else {
            throw FormatsError.unreadable(file: file, cause: "no se pudo crear un archivo temporal")
        }
        self.handle = handle
        self.file = file
    }

    /// Creates `url`, runs `body` with a writer and closes it on every path.
    static func write(to url: URL, file: String, _ body: (OCDSFlatFileWriter) throws -> Void) throws {
        let writer = try OCDSFlatFileWriter(url: url, file: file)
        defer { writer.close() }
        try body(writer)
        try writer.flush()
    }

    func write(_ data: Data) throws {
        buffer.append(data)
        length += UInt64(data.count)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw FormatsError.unreadable(file: file, cause: "no se pudo escribir un archivo temporal: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Cuts the file back to `length` bytes.
    func truncate(to newLength: UInt64) throws {
        try flush()
        try handle.truncate(atOffset: newLength)
        try handle.seekToEnd()
        length = newLength
    }

    func close() { try? handle.close() }
}
