import Foundation

/// Text as keyword rules compare it: accents and case folded, anything but letters and digits a single space.
///
/// `ADQUISICIÓN DE ALIMENTOS, ZONA 1` and `adquisicion de alimentos zona 1` fold to the same text, so a rule
/// written without tildes matches titles written with them.
public enum SearchText {
    /// The folded text: lowercase ASCII letters and digits separated by single spaces (`ñ` becomes `n`).
    ///
    /// Latin letters (what Spanish titles are written with) are folded from a table; only other scripts go
    /// through Unicode decomposition, which is what made folding 200,000 titles slow.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x30...0x39, 0x61...0x7A: append(UInt8(value))
            case 0x41...0x5A: append(UInt8(value + 0x20))
            case 0xC0...0x17F:
                if let base = latinBase(value) { append(base) } else { pendingSpace = true }
            case 0x300...0x36F: continue  // a combining accent: the base letter is already out
            case 0x80...:
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                if let first = decomposed.first, first.isASCII,
                    first.properties.isAlphabetic || ("0"..."9").contains(first)
                {
                    append(UInt8(first.value | (first.properties.isUppercase ? 0x20 : 0)))
                } else {
                    pendingSpace = true
                }
            default: pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lowercase ASCII base of a Latin-1 or Latin Extended-A letter (`Ñ` → `n`, `é` → `e`), nil for symbols.
    private static func latinBase(_ value: UInt32) -> UInt8? {
        switch value {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: UInt8(ascii: "a")
        case 0xC7, 0xE7, 0x106...0x10D: UInt8(ascii: "c")
        case 0x10E...0x111: UInt8(ascii: "d")
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: UInt8(ascii: "e")
        case 0x11C...0x123: UInt8(ascii: "g")
        case 0x124...0x127: UInt8(ascii: "h")
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: UInt8(ascii: "i")
        case 0x134, 0x135: UInt8(ascii: "j")
        case 0x136, 0x137: UInt8(ascii: "k")
        case 0x139...0x142: UInt8(ascii: "l")
        case 0xD1, 0xF1, 0x143...0x148: UInt8(ascii: "n")
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: UInt8(ascii: "o")
        case 0x154...0x159: UInt8(ascii: "r")
        case 0x15A...0x161: UInt8(ascii: "s")
        case 0x162...0x167: UInt8(ascii: "t")
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: UInt8(ascii: "u")
        case 0x174, 0x175: UInt8(ascii: "w")
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: UInt8(ascii: "y")
        case 0x179...0x17E: UInt8(ascii: "z")
        default: nil
        }
    }
}
