import Crypto
import Foundation

/// The SHA-256 and size of a file, computed in chunks: the identity of an import.
public struct FileDigest: Hashable, Sendable {
    /// Lowercase hex SHA-256.
    public var sha256: String
    public var bytes: Int64

    /// Hashes a file without loading it whole.
    public static func of(_ url: URL) throws -> FileDigest {
        let reader = try ChunkedFileReader(url: url, chunkSize: 1 << 20)
        var hasher = SHA256()
        while let chunk = try reader.nextChunk() { hasher.update(data: chunk) }
        let hex = hasher.finalize().map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        return FileDigest(sha256: hex, bytes: reader.bytesRead)
    }
}
