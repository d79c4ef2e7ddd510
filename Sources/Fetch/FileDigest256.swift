import Crypto
import Foundation

/// Streaming sha256 of a file (Fetch may not depend on Formats, so it has its own).
enum FileDigest256 {
    /// Lowercase hex sha256 and byte count, read in 1 MiB chunks so memory stays bounded.
    static func digest(of url: URL) throws -> (sha256: String, size: Int64) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return (hex, size)
    }

    /// Lowercase hex sha256 of a string's UTF-8 bytes (cache directory names).
    static func hex(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
