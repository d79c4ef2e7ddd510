import Foundation

/// Validates UTF-8 incrementally, chunk by chunk, so a file of any size is checked in bounded memory.
public struct UTF8Validator: Sendable {
    private var pending = 0
    private var lowerBound: UInt8 = 0x80
    private var upperBound: UInt8 = 0xBF
    /// Byte offset of the first invalid byte, once one has been seen.
    public private(set) var firstInvalidOffset: Int64?
    private var offset: Int64 = 0

    public init() {}

    /// True while every byte seen so far is valid UTF-8.
    public var isValid: Bool { firstInvalidOffset == nil }

    /// Feeds the next chunk of bytes.
    public mutating func consume<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard firstInvalidOffset == nil else { return }
        for byte in bytes {
            guard step(byte) else { return }
        }
    }

    /// Feeds the next chunk of bytes, skipping runs of ASCII eight bytes at a time (most of a JSON or CSV file).
    public mutating func consume(_ bytes: UnsafeRawBufferPointer) {
        guard firstInvalidOffset == nil else { return }
        var index = 0
        while index < bytes.count {
            if pending == 0 {
                let end = ByteScan.asciiWordsEnd(bytes, from: index)
                offset += Int64(end - index)
                index = end
                guard index < bytes.count else { return }
            }
            guard step(bytes[index]) else { return }
            index += 1
        }
    }

    /// Checks one byte; false (and the offset noted) when it makes the text invalid.
    @inline(__always)
    private mutating func step(_ byte: UInt8) -> Bool {
        defer { offset += 1 }
        if pending > 0 {
            guard byte >= lowerBound && byte <= upperBound else {
                firstInvalidOffset = offset
                return false
            }
            pending -= 1
            lowerBound = 0x80
            upperBound = 0xBF
            return true
        }
        switch byte {
        case 0x00...0x7F: break
        case 0xC2...0xDF: pending = 1
        case 0xE0:
            pending = 2
            lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: pending = 2
        case 0xED:
            pending = 2
            upperBound = 0x9F
        case 0xF0:
            pending = 3
            lowerBound = 0x90
        case 0xF1...0xF3: pending = 3
        case 0xF4:
            pending = 3
            upperBound = 0x8F
        default:
            firstInvalidOffset = offset
            return false
        }
        return true
    }

    /// Call at end of input: a sequence cut in the middle is invalid.
    public mutating func finish() {
        if pending > 0 && firstInvalidOffset == nil { firstInvalidOffset = offset }
    }
}
