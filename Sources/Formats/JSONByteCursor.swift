/// The byte-level scanning both JSON parsers share (``JSONValue``'s tree parser and ``JSONTape``'s builder):
/// hexadecimal `\u` digits and the digit runs of a number. Each parser keeps its own errors and its own rules
/// on what the counts allow; a protocol with an extension, so each use is specialized for its parser.
protocol JSONByteCursor {
    associatedtype Failure: Error
    var bytes: UnsafeBufferPointer<UInt8> { get }
    var index: Int { get set }
    /// The error for a `\u` escape without four hexadecimal digits; `incomplete` when the text ends first.
    func badUnicodeEscape(incomplete: Bool) -> Failure
}

extension JSONByteCursor {
    /// The four hexadecimal digits of a `\u` escape, as a UTF-16 code unit.
    mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw badUnicodeEscape(incomplete: true) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw badUnicodeEscape(incomplete: false)
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    /// Moves past a run of decimal digits; how many there were.
    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index - start
    }

    /// Moves past a fraction (`.` and its digits); how many digits it has, or `nil` when there is none.
    mutating func skipFraction() -> Int? {
        guard index < bytes.count, bytes[index] == 0x2E else { return nil }
        index += 1
        return skipDigits()
    }

    /// Moves past an exponent (`e` or `E`, a sign, digits); how many digits it has, or `nil` when there is none.
    mutating func skipExponent() -> Int? {
        guard index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 else { return nil }
        index += 1
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
        return skipDigits()
    }
}
