import Foundation

/// Repairs doubly-encoded UTF-8 ("mojibake"): UTF-8 bytes that some system read as Latin-1 or
/// Windows-1252 and wrote back as UTF-8, so `NIÑOS` became `NIÃ‘OS` and `COFIÑO` became
/// `COFIÃ\u{91}O` (with a C1 control character).
///
/// A value is repaired only when every character maps back to one byte and those bytes form valid
/// UTF-8 with at least one multi-byte sequence: genuine Spanish text such as `AÑO` or `Ángel`
/// never does (`Ñ` followed by `O` is not a valid UTF-8 sequence), so it is left alone.
public enum TextRepair {
    /// A value after repair.
    public struct Outcome: Hashable, Sendable {
        /// The repaired text (the original when nothing was wrong).
        public var text: String
        /// True when the text was changed.
        public var changed: Bool
    }

    /// Repairs `text` if it is doubly (or triply) encoded UTF-8.
    public static func repair(_ text: String) -> Outcome {
        var current = text
        var changed = false
        // Two rounds cover text that went through the mistake twice (`Ã\u{83}Â\u{91}`).
        for _ in 0..<2 {
            guard let fixed = undoOneRound(current) else { break }
            current = fixed
            changed = true
        }
        return Outcome(text: current, changed: changed)
    }

    /// True when the text looks doubly encoded (a cheap test for reporting, same rule as `repair`).
    public static func isMojibake(_ text: String) -> Bool { undoOneRound(text) != nil }

    private static func undoOneRound(_ text: String) -> String? {
        // Fast path: mojibake always shows a lead byte C2–F4 (Â–ô) followed by a continuation byte
        // 80–BF, itself shown as a C1 control, a Latin-1 sign or a Windows-1252 character (‘ “ …).
        var previousIsLead = false
        var sawPair = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if previousIsLead && ((0x80...0xBF).contains(value) || windows1252Byte[value] != nil) {
                sawPair = true
                break
            }
            previousIsLead = (0xC2...0xF4).contains(value)
        }
        guard sawPair else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var sawMultibyte = false
        for scalar in text.unicodeScalars {
            if scalar.value <= 0xFF {
                bytes.append(UInt8(scalar.value))
                if scalar.value >= 0x80 { sawMultibyte = true }
            } else if let byte = windows1252Byte[scalar.value] {
                bytes.append(byte)
                sawMultibyte = true
            } else {
                return nil  // a character no single-byte misreading could have produced
            }
        }
        guard sawMultibyte else { return nil }
        var validator = UTF8Validator()
        validator.consume(bytes)
        validator.finish()
        guard validator.isValid else { return nil }
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded == text ? nil : decoded
    }

    /// The printable characters Windows-1252 puts in 0x80–0x9F, back to their bytes.
    private static let windows1252Byte: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0x9F) {
            let scalar = Windows1252.scalar(for: byte).value
            if scalar > 0xFF { table[scalar] = byte }
        }
        return table
    }()
}
