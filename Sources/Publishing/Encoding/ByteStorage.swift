import Foundation

/// Memory holding bytes a ``ByteRun`` wrote, freed with the last reference.
final class ByteStorage: @unchecked Sendable {
    // @unchecked: written only by the run that made it, then handed over whole (the run no longer refers to it)
    // and only read after that.
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    /// How many bytes are written, set when handed over.
    var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    deinit { base.deallocate() }
}
