import Foundation

/// Where encoders write bytes: a `[UInt8]`, or a ``ByteRun`` for the largest tables.
protocol ByteAppending {
    mutating func append(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteAppending where Element == UInt8 {
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

extension ByteAppending {
    /// Appends the bytes of a short constant.
    @inline(__always)
    mutating func appendBytes(_ bytes: StaticString) {
        appendBytes(UnsafeBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount))
    }
}
