import Foundation

/// Bytes appended straight into memory this run owns, handed over whole as a ``ByteStorage``: appending
/// tens of millions of fields to an array checked its uniqueness and capacity through the runtime for each.
///
/// A value kept in one local variable (or one struct field) while it is written; ``take()`` hands the bytes
/// so far to another thread and starts over on fresh memory.
struct ByteRun: ByteAppending {
    private var storage: ByteStorage
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Where handed-over memory comes back once written, to be written again (fresh memory for every chunk cost
    /// the kernel a page fault per page).
    let pool: ByteStoragePool

    init(capacity: Int, pool: ByteStoragePool) {
        self.pool = pool
        storage = pool.storage(capacity: capacity)
        base = storage.base
        self.capacity = capacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// The bytes written so far; the run goes on in new memory of the same capacity.
    mutating func take() -> ByteStorage {
        let taken = storage
        taken.count = count
        storage = pool.storage(capacity: capacity)
        base = storage.base
        capacity = storage.capacity
        count = 0
        return taken
    }

    private mutating func grow(to needed: Int) {
        let larger = ByteStorage(capacity: max(needed, capacity * 2))
        larger.base.update(from: base, count: count)
        storage = larger
        base = larger.base
        capacity = larger.capacity
    }
}
