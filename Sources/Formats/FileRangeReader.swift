import Foundation

/// Reads byte ranges of a file, one `pread` each (no seek, no buffer of its own), for readers that come back to
/// pieces they noted in a first pass: a release package's releases, grouped by ocid.
public struct FileRangeReader: ~Copyable {
    private let descriptor: Int32
    private let fileName: String

    private init(descriptor: Int32, fileName: String) {
        self.descriptor = descriptor
        self.fileName = fileName
    }

    /// Opens `url` for reading, hands the reader to `body` and closes the file on every path.
    /// - Parameters:
    ///   - url: the file.
    ///   - name: the file's name in errors (by default the last component of `url`).
    ///   - body: reads the ranges.
    /// - Throws: ``FormatsError/unreadable(file:cause:)`` when the file cannot be opened, or what `body` throws.
    public static func withFile<Result>(
        _ url: URL, name: String? = nil, _ body: (borrowing FileRangeReader) throws -> Result
    ) throws -> Result {
        let fileName = name ?? url.lastPathComponent
        // The C function is `open`.
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FormatsError.unreadable(file: fileName, cause: Self.systemText(errno)) }
        defer { close(descriptor) }
        return try body(FileRangeReader(descriptor: descriptor, fileName: fileName))
    }

    /// The `length` bytes at `offset`, fewer when the file ends first.
    /// - Throws: ``FormatsError/unreadable(file:cause:)`` when the system fails to read.
    public func read(offset: Int64, length: Int) throws -> Data {
        var data = Data(count: length)
        let read = try data.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var done = 0
            while done < length {
                // The C function is `pread`; it may return fewer bytes than asked, or be interrupted.
                let count = pread(descriptor, base + done, length - done, off_t(offset) + off_t(done))
                if count > 0 {
                    done += count
                } else if count == 0 {
                    break
                } else if errno != EINTR {
                    throw FormatsError.unreadable(file: fileName, cause: Self.systemText(errno))
                }
            }
            return done
        }
        if read < length { data.count = read }
        return data
    }

    private static func systemText(_ code: Int32) -> String {
        SystemErrorText.describe(POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO))
    }
}
