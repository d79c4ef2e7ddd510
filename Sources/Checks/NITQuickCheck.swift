import Domain

/// Tells at a glance that a NIT written in plain ASCII passes ``NITCheckDigit/check(_:)``, with the same rules
/// done on bytes: a national year has 180,000 NITs, and checking each through `Character`s (uppercasing,
/// filtering, `wholeNumberValue`) cost more than reading them.
enum NITQuickCheck {
    /// True when `nit` is printable ASCII (one byte, one `Character`) and ``NITCheckDigit/check(_:)`` would find it
    /// `.valid`; false when it would not, or when only that function can say.
    static func passes(_ nit: String) -> Bool {
        var nit = nit
        return nit.withUTF8 { bytes in
            // The length ``NITCheckDigit/compact(_:)`` leaves: without spaces, hyphens or leading zeros.
            var length = 0
            for byte in bytes {
                guard byte >= 0x20 && byte <= 0x7E else { return false }
                if byte == 0x20 || byte == 0x2D || (length == 0 && byte == 0x30) { continue }
                length += 1
            }
            guard (2...12).contains(length) else { return false }
            // From the right: the check character, then the digits before it weighted 2, 3, … (leading zeros weigh
            // nothing, whatever their weight).
            var check: UInt8?
            var sum = 0
            var weight = 2
            for byte in bytes.reversed() where byte != 0x20 && byte != 0x2D {
                guard check != nil else {
                    check = byte == 0x6B ? 0x4B : byte
                    continue
                }
                guard byte >= 0x30 && byte <= 0x39 else { return false }
                sum += Int(byte - 0x30) * weight
                weight += 1
            }
            let expected = (11 - sum % 11) % 11
            return check == (expected == 10 ? 0x4B : 0x30 + UInt8(expected))
        }
    }
}
