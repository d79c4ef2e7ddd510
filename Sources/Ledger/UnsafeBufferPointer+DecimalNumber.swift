/// A run of ASCII digits as a number, for dates read straight from SQLite's bytes.
extension UnsafeBufferPointer<UInt8> {
    /// The `count` bytes from `from` as a decimal number, or nil when one is not a digit.
    func decimalNumber(from: Int, count: Int) -> Int? {
        var value = 0
        for index in from..<from + count {
            let byte = self[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
