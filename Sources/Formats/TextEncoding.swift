import Foundation

/// The text encodings found in files Guatemalan systems produce.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 starting with the bytes EF BB BF (Excel's "CSV UTF-8").
    case utf8BOM
    /// Windows-1252, a superset of Latin-1 for printable text (SICOIN and Guatecompras CSV downloads).
    case windows1252

    /// The name printed to users.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8BOM: "UTF-8 con BOM"
        case .windows1252: "Latin-1/Windows-1252"
        }
    }

    /// Decodes bytes in this encoding. UTF-8 errors become U+FFFD (detection has already validated the file).
    public func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        switch self {
        case .utf8, .utf8BOM:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            // Most fields are plain ASCII, the same bytes in UTF-8; the rest are transcoded as CSV records are.
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var utf8: [UInt8] = []
            Windows1252.appendUTF8(of: bytes, to: &utf8)
            return String(decoding: utf8, as: UTF8.self)
        }
    }
}

/// The Windows-1252 code page: Latin-1 with printable characters in 0x80–0x9F.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Appends the UTF-8 of Windows-1252 bytes: ASCII as it is, the rest through ``scalar(for:)``.
    static func appendUTF8<C: Collection>(of bytes: C, to utf8: inout [UInt8]) where C.Element == UInt8 {
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] >= 0x80 {
                utf8.append(contentsOf: bytes[start..<index])
                utf8.append(contentsOf: scalar(for: bytes[index]).utf8)
                start = next
            }
            index = next
        }
        utf8.append(contentsOf: bytes[start...])
    }
}
