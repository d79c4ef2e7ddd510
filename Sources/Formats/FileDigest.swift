import Crypto
import Foundation

/// The SHA-256 and size of a file, computed in chunks: the identity of an import and of a download.
public struct FileDigest: Hashable, Sendable {
    /// Lowercase hex SHA-256.
    public var sha256: String
    public var bytes: Int64

    /// Hashes a file without loading it whole.
    public static func of(_ url: URL) throws -> FileDigest {
        let reader = try ChunkedFileReader(url: url, chunkSize: 1 << 20)
        var hasher = SHA256()
        while let chunk = try reader.nextChunk() { hasher.update(data: chunk) }
        return FileDigest(sha256: hex(hasher.finalize()), bytes: reader.bytesRead)
    }

    /// Hashes bytes as they are written, so a file just written needs no second read to be described.
    public struct Running {
        private var hasher = SHA256()
        private var count: Int64 = 0

        public init() {}

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            hasher.update(bufferPointer: bytes)
            count += Int64(bytes.count)
        }

        /// The digest of everything given so far.
        public func finish() -> FileDigest {
            FileDigest(sha256: FileDigest.hex(hasher.finalize()), bytes: count)
        }
    }

    /// Lowercase hex SHA-256 of a text's UTF-8 bytes (names of cache folders).
    public static func sha256(of text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
