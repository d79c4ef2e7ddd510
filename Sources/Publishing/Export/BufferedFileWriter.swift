import Formats
import Foundation

/// Writes bytes to a new file through a buffer, so rows are appended in memory and reach the disk in large
/// writes. The file is created (or truncated) when the writer is made; ``close()`` flushes and closes it.
final class BufferedFileWriter {
    let url: URL
    /// Bytes waiting for the next write; rows append here.
    var buffer: [UInt8] = []
    private var handle: FileHandle?
    private let capacity = 1 << 18

    init(url: URL) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw PublishingError.unwritable(path: url.path, cause: "no se pudo crear el archivo")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw PublishingError.unwritable(path: url.path, cause: SystemErrorText.describe(error))
        }
    }

    /// Appends bytes (the caller may also append to ``buffer`` directly and then call ``flushIfFull()``).
    func write<Bytes: Sequence>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        try flushIfFull()
    }

    /// Writes the buffer out once it holds enough.
    func flushIfFull() throws {
        if buffer.count >= capacity { try flush() }
    }

    /// Writes bytes to the file at once, after whatever the buffer holds: for chunks as large as the buffer,
    /// which copying into it would only slow down.
    func writeThrough(_ bytes: UnsafeRawBufferPointer) throws {
        try flush()
        try write(now: bytes)
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try write(now: $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(now bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty, let handle else { return }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw PublishingError.unwritable(path: url.path, cause: SystemErrorText.describe(error))
        }
    }

    /// Flushes and closes the file.
    func close() throws {
        try flush()
        do {
            try handle?.close()
        } catch {
            throw PublishingError.unwritable(path: url.path, cause: SystemErrorText.describe(error))
        }
        handle = nil
    }

    deinit { try? handle?.close() }
}
