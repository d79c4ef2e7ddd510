import Foundation

/// Holds the bytes of the texts bound to one run of a statement, so SQLite can use them in place
/// (`SQLITE_STATIC`) instead of allocating a copy of each.
///
/// A batch insert of a national execution file binds hundreds of texts per statement; with `SQLITE_TRANSIENT`
/// every one was a `malloc`, a copy and a `free` inside SQLite. Here they are copied into a few chunks allocated
/// once and reused: the bytes stay put until ``reset()``, which the caller calls only after the statement ran
/// (and rebinds every parameter before running it again).
final class BoundTextArena {
    /// Bytes per chunk; a text longer than that is left to SQLite to copy.
    static let chunkSize = 1 << 16
    private var chunks: [UnsafeMutableRawPointer] = []
    /// The chunk being filled and how much of it is used.
    private var current = 0
    private var used = 0

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// A copy of `bytes` that stays valid until ``reset()``; nil when they do not fit in one chunk.
    func store(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard bytes.count <= Self.chunkSize else { return nil }
        if used + bytes.count > Self.chunkSize {
            current += 1
            used = 0
        }
        if current == chunks.count {
            chunks.append(UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 8))
        }
        let start = chunks[current] + used
        if let base = bytes.baseAddress { start.copyMemory(from: base, byteCount: bytes.count) }
        used += bytes.count
        return UnsafePointer(start.assumingMemoryBound(to: CChar.self))
    }

    /// Every text stored so far may be overwritten: the statement that used them has run.
    func reset() {
        current = 0
        used = 0
    }
}
