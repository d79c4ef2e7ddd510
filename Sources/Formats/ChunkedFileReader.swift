import Foundation

/// Reads a file in fixed-size chunks, so memory stays bounded whatever the file's size.
public final class ChunkedFileReader {
    public let url: URL
    private let handle: FileHandle
    private let chunkSize: Int
    /// Bytes handed out so far.
    public private(set) var bytesRead: Int64 = 0

    /// Opens the file for reading.
    /// - Throws: ``FormatsError/unreadable(file:cause:)`` when it cannot be opened.
    public init(url: URL, chunkSize: Int = 1 << 16) throws {
        self.url = url
        self.chunkSize = chunkSize
        do {
            self.handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw FormatsError.unreadable(file: url.lastPathComponent, cause: SystemErrorText.describe(error))
        }
    }

    deinit { try? handle.close() }

    /// The next chunk, or nil at end of file.
    public func nextChunk() throws -> Data? {
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw FormatsError.unreadable(file: url.lastPathComponent, cause: SystemErrorText.describe(error))
        }
        guard let data, !data.isEmpty else { return nil }
        bytesRead += Int64(data.count)
        return data
    }

    /// Starts again from the first byte.
    public func rewind() throws {
        try handle.seek(toOffset: 0)
        bytesRead = 0
    }

    /// The file's size in bytes.
    public func size() throws -> Int64 {
        let end = try handle.seekToEnd()
        try handle.seek(toOffset: UInt64(bytesRead))
        return Int64(end)
    }
}
