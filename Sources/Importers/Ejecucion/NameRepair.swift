import Foundation

/// Repairs the text damage seen in execution files' names and says when text is beyond repair.
///
/// Doubly-encoded UTF-8 (`SECRETAR\u{C3}\u{8D}A` for SECRETARÍA, `COFIÃ\u{91}O` for COFIÑO) is undone by
/// re-reading the characters as Windows-1252/Latin-1 bytes when those bytes are valid UTF-8. Text that
/// held lone UTF-16 surrogates arrives with U+FFFD and cannot be repaired: it is flagged.
/// (Kept small and local; a shared `TextRepair` in Formats may replace it.)
enum NameRepair {
    /// The outcome of looking at one text.
    enum Outcome: Equatable {
        case clean
        case repaired(String)
        /// The text carries replacement characters: information was lost before it reached us.
        case damaged
    }

    static func inspect(_ text: String) -> Outcome {
        if text.unicodeScalars.contains("\u{FFFD}") { return .damaged }
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return .clean }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x100 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = windows1252Byte[scalar.value] {
                bytes.append(byte)
            } else {
                return .clean
            }
        }
        // Only a real multibyte sequence proves double encoding; plain Latin-1 text decodes to invalid UTF-8.
        guard bytes.contains(where: { $0 >= 0xC2 && $0 <= 0xF4 }),
            let decoded = String(validating: bytes, as: UTF8.self), decoded != text
        else { return .clean }
        return .repaired(decoded)
    }

    /// Windows-1252's printable characters in 0x80–0x9F, back to their byte.
    private static let windows1252Byte: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
