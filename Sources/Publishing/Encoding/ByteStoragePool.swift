import Foundation

/// Storage given back after its bytes were written, for the next chunk; at most a few are kept.
final class ByteStoragePool: @unchecked Sendable {
    // @unchecked: `free` is only touched with `lock` held.
    private let lock = NSLock()
    private var free: [ByteStorage] = []

    /// Storage of at least `capacity` bytes, empty.
    func storage(capacity: Int) -> ByteStorage {
        lock.lock()
        let reused = free.popLast()
        lock.unlock()
        if let reused, reused.capacity >= capacity {
            reused.count = 0
            return reused
        }
        return ByteStorage(capacity: capacity)
    }

    /// Takes storage back once nothing reads it any more.
    func recycle(_ storage: ByteStorage) {
        lock.lock()
        if free.count < 8 { free.append(storage) }
        lock.unlock()
    }
}
