import Foundation

/// Decides the encoding of a saved HTML page from its declared `<meta>` charset and the bytes of the whole page,
/// before libxml2 sees it.
///
/// libxml2 versions disagree on pages without a charset (2.9 guesses UTF-8, 2.14 ISO-8859-1), and switch a page
/// to Latin-1 at its first invalid byte, so the reader decodes pages itself. Order: byte-order mark; then UTF-8
/// when the bytes are UTF-8, or when they hold at least as many UTF-8 sequences of Latin letters and punctuation
/// (U+0080–U+024F, U+2000–U+20CF: what Spanish text is made of) as invalid bytes (a UTF-8 page with a stray
/// byte, say 0x8D in a comment, is still UTF-8: windows-1252 text practically never forms such sequences by
/// accident); a `<meta>` that claims a single-byte charset does not outweigh UTF-8 bytes
/// (a browser that re-saved a page as UTF-8 often keeps the old meta). Otherwise a single-byte charset named in a
/// `<meta>`, else windows-1252 (never plain ISO-8859-1, whose C1 range loses `“ ” –`).
public enum HTMLCharset {
    /// The encoding chosen for a page and the bytes that do not decode in it.
    public struct Decision: Sendable, Hashable {
        /// The encoding name (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1252`, `ISO-8859-15`).
        public var encoding: String
        /// Byte offsets, in the page, of bytes that are not text in that encoding (first 100).
        public var undecodable: [Int]
        /// How many such bytes there are in all.
        public var undecodableCount: Int
    }

    /// The encoding name to decode the page with (see ``decide(_:)``).
    public static func detect(_ data: Data) -> String { decide(data).encoding }

    /// The encoding of a page and its undecodable bytes.
    public static func decide(_ data: Data) -> Decision {
        if data.starts(with: [0xFF, 0xFE]) {
            return Decision(encoding: "UTF-16LE", undecodable: [], undecodableCount: 0)
        }
        if data.starts(with: [0xFE, 0xFF]) {
            return Decision(encoding: "UTF-16BE", undecodable: [], undecodableCount: 0)
        }
        let scan = UTF8Scan(data)
        if scan.invalidCount == 0 || data.starts(with: [0xEF, 0xBB, 0xBF])
            || (scan.latinSequences > 0 && scan.invalidCount <= scan.latinSequences)
        {
            return Decision(encoding: "UTF-8", undecodable: scan.invalid, undecodableCount: scan.invalidCount)
        }
        let encoding: String
        switch declaredCharset(data) {
        case "iso-8859-15", "latin9", "latin-9": encoding = "ISO-8859-15"
        default: encoding = "windows-1252"
        }
        var undecodable: [Int] = []
        var count = 0
        for (offset, byte) in data.enumerated() where !SingleByteCharset.decodes(byte, encoding: encoding) {
            count += 1
            if undecodable.count < 100 { undecodable.append(offset) }
        }
        return Decision(encoding: encoding, undecodable: undecodable, undecodableCount: count)
    }

    /// The undecodable bytes of a page in an encoding the caller chose.
    public static func decision(_ data: Data, encoding: String) -> Decision {
        if encoding.hasPrefix("UTF-16") { return Decision(encoding: encoding, undecodable: [], undecodableCount: 0) }
        if encoding == "UTF-8" {
            let scan = UTF8Scan(data)
            return Decision(encoding: encoding, undecodable: scan.invalid, undecodableCount: scan.invalidCount)
        }
        let offsets = data.enumerated().filter { !SingleByteCharset.decodes($0.element, encoding: encoding) }.map(
            \.offset)
        return Decision(encoding: encoding, undecodable: Array(offsets.prefix(100)), undecodableCount: offsets.count)
    }

    /// The charset a `<meta charset>` or `http-equiv` names in the first 4 kB, lowercased.
    static func declaredCharset(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096).map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
            .lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
        let name = value.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        return name.isEmpty ? nil : String(name)
    }

    /// Valid multi-byte sequences of Latin text and invalid bytes of a whole page read as UTF-8 (the scan goes on
    /// after an invalid byte, unlike ``UTF8Validator``).
    struct UTF8Scan {
        /// Valid sequences for U+0080–U+024F or U+2000–U+20CF (accented letters, dashes, quotes, €).
        var latinSequences = 0
        var invalidCount = 0
        var invalid: [Int] = []

        init(_ data: Data) {
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        index += 1
                        continue
                    }
                    let length = Self.sequenceLength(bytes, at: index)
                    if length > 0 {
                        if Self.isLatin(bytes, at: index, length: length) { latinSequences += 1 }
                        index += length
                    } else {
                        invalidCount += 1
                        if invalid.count < 100 { invalid.append(index) }
                        index += 1
                    }
                }
            }
        }

        /// True when the sequence encodes U+0080–U+024F (leads C2–C9) or U+2000–U+20CF (E2 80–82).
        private static func isLatin(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
            switch length {
            case 2: return bytes[index] <= 0xC9
            case 3: return bytes[index] == 0xE2 && bytes[index + 1] <= 0x82
            default: return false
            }
        }

        /// The length of the valid UTF-8 sequence starting at `index`, or 0 when the byte does not start one.
        private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
            let lead = bytes[index]
            let (length, low, high): (Int, UInt8, UInt8) =
                switch lead {
                case 0xC2...0xDF: (2, 0x80, 0xBF)
                case 0xE0: (3, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
                case 0xED: (3, 0x80, 0x9F)
                case 0xF0: (4, 0x90, 0xBF)
                case 0xF1...0xF3: (4, 0x80, 0xBF)
                case 0xF4: (4, 0x80, 0x8F)
                default: (0, 0, 0)
                }
            guard length > 0, index + length <= bytes.count else { return 0 }
            guard (low...high).contains(bytes[index + 1]) else { return 0 }
            for next in 2..<length where !(0x80...0xBF).contains(bytes[index + next]) { return 0 }
            return length
        }
    }
}
