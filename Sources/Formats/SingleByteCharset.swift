import Foundation

/// The single-byte charsets saved HTML pages use, decoded to Unicode by hand so libxml2 always reads UTF-8.
enum SingleByteCharset {
    /// True when `byte` is text in `encoding`: windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, and
    /// ISO-8859-15 has only control codes in 0x80–0x9F; neither belongs in a page's text.
    static func decodes(_ byte: UInt8, encoding: String) -> Bool {
        guard (0x80...0x9F).contains(byte) else { return true }
        return encoding == "windows-1252" && ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte)
    }

    /// The character `byte` stands for in `encoding` (`windows-1252` or `ISO-8859-15`).
    static func scalar(_ byte: UInt8, encoding: String) -> Unicode.Scalar {
        if encoding == "windows-1252" { return Windows1252.scalar(for: byte) }
        // ISO-8859-15 is Latin-1 but for eight positions (€, Š, š, Ž, ž, Œ, œ, Ÿ).
        switch byte {
        case 0xA4: return "\u{20AC}"
        case 0xA6: return "\u{0160}"
        case 0xA8: return "\u{0161}"
        case 0xB4: return "\u{017D}"
        case 0xB8: return "\u{017E}"
        case 0xBC: return "\u{0152}"
        case 0xBD: return "\u{0153}"
        case 0xBE: return "\u{0178}"
        default: return Unicode.Scalar(byte)
        }
    }
}
