/// Searches of UTF-8 text eight bytes at a time, for the loops that spend most of a JSON file's bytes: the inside
/// of strings (until a quote, a backslash or a control byte) and runs of ASCII (which need no UTF-8 check).
///
/// Each step loads one 64-bit word and tests all its bytes with a few arithmetic operations ("SWAR"); a match is
/// then the lowest flagged byte, which those tests never report falsely (a false flag can only follow a true one).
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The first index at or after `start` holding a quote (`"`), a backslash or a byte below 0x20, or
    /// `bytes.count` when there is none.
    @inline(__always)
    static func stringStop(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let found =
                    ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word)
                    & highBits
                if found != 0 { return index + (found.trailingZeroBitCount >> 3) }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { return index }
            index += 1
        }
        return count
    }

    /// The first index at or after `start` at which eight bytes are not all ASCII (or fewer than eight remain), so
    /// the caller checks from there byte by byte.
    @inline(__always)
    static func asciiWordsEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        let count = bytes.count
        while index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits == 0 {
            index += 8
        }
        return index
    }
}
