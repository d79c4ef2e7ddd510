import Foundation

/// Reads JSON Lines (one JSON value per line) in chunks, yielding each non-blank line's bytes.
///
/// Memory is one chunk plus the current line; lines longer than the element limit, NUL bytes and invalid
/// UTF-8 are errors naming the line. Each line is decoded by the caller.
public final class JSONLinesReader {
    /// The file's name, for errors.
    public let fileName: String
    /// Bytes consumed so far (for progress).
    public private(set) var bytesRead: Int64 = 0

    private let limits: JSONScanLimits
    private let nextChunk: () throws -> Data?
    private var chunk = Data()
    private var position = 0
    private var chunkOffset: Int64 = 0
    private var atEnd = false
    private var validator = UTF8Validator()
    private var current = Data()
    private var currentOffset: Int64 = 0
    private var line = 0
    private var index = 0

    /// Reads lines from bytes handed over by `nextChunk` (nil at end of input).
    public init(fileName: String, limits: JSONScanLimits = .init(), nextChunk: @escaping () throws -> Data?) {
        self.fileName = fileName
        self.limits = limits
        self.nextChunk = nextChunk
    }

    /// Reads a file in chunks.
    public convenience init(url: URL, limits: JSONScanLimits = .init(), chunkSize: Int = 1 << 20) throws {
        let reader = try ChunkedFileReader(url: url, chunkSize: chunkSize)
        self.init(fileName: url.lastPathComponent, limits: limits) { try reader.nextChunk() }
    }

    /// The next non-blank line, or nil at end of input.
    public func next() throws -> JSONElement? {
        while let (raw, offset) = try readLine() {
            line += 1
            var bytes = raw
            if line == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            while let last = bytes.last, last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            defer { index += 1 }
            return JSONElement(bytes: bytes, offset: offset, line: line, index: index, arrayKey: nil)
        }
        return nil
    }

    /// The bytes of the next line (without its newline) and their offset, or nil at end of input.
    private func readLine() throws -> (Data, Int64)? {
        current.removeAll(keepingCapacity: true)
        currentOffset = chunkOffset + Int64(position)
        while true {
            if position >= chunk.count {
                if atEnd { return nil }
                guard let data = try nextChunk(), !data.isEmpty else {
                    atEnd = true
                    return current.isEmpty ? nil : (current, currentOffset)
                }
                chunkOffset += Int64(chunk.count)
                chunk = data
                position = 0
                if current.isEmpty { currentOffset = chunkOffset }
                bytesRead += Int64(data.count)
                data.withUnsafeBytes { validator.consume($0) }
                if let bad = validator.firstInvalidOffset {
                    throw FormatsError.invalidUTF8(file: fileName, offset: bad, line: line + 1)
                }
            }
            let start = chunk.startIndex + position
            if let newline = chunk[start..<chunk.endIndex].firstIndex(of: 0x0A) {
                try append(chunk[start..<newline])
                position = newline - chunk.startIndex + 1
                return (current, currentOffset)
            }
            try append(chunk[start..<chunk.endIndex])
            position = chunk.count
        }
    }

    private func append(_ bytes: Data) throws {
        guard current.count + bytes.count <= limits.maxElementBytes else {
            throw FormatsError.jsonElementTooLarge(
                file: fileName, offset: currentOffset, line: line + 1, limit: limits.maxElementBytes)
        }
        if bytes.contains(0) { throw FormatsError.nulByte(file: fileName, line: line + 1) }
        current.append(bytes)
    }
}
