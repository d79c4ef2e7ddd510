import Foundation

/// The `"name": ` bytes of a table's columns in one block, appended without touching an array per key (a
/// million-row table writes tens of millions of them).
final class JSONKeys {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    let count: Int

    init(_ keys: [[UInt8]]) {
        count = keys.count
        let total = keys.reduce(0) { $0 + $1.count }
        bytes = .allocate(capacity: max(1, total))
        starts = .allocate(capacity: keys.count + 1)
        var offset = 0
        for (index, key) in keys.enumerated() {
            starts[index] = offset
            key.withUnsafeBufferPointer { key in
                if let source = key.baseAddress { (bytes + offset).initialize(from: source, count: key.count) }
            }
            offset += key.count
        }
        starts[keys.count] = offset
    }

    @inline(__always)
    func append<Out: ByteAppending>(_ index: Int, into out: inout Out) {
        out.appendBytes(
            UnsafeBufferPointer(start: bytes + starts[index], count: starts[index + 1] - starts[index]))
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
    }
}
