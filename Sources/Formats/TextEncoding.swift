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
            // Most fields are plain ASCII, the same bytes in UTF-8; the rest are transcoded byte by byte into a
            // string's own buffer (at most three UTF-8 bytes each) rather than appended scalar by scalar.
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count * 3) { buffer in
                var count = 0
                for byte in bytes {
                    for unit in Windows1252.scalar(for: byte).utf8 {
                        buffer[count] = unit
                        count += 1
                    }
                }
                return count
            }
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
    static func appendUTF8(of bytes: [UInt8], to utf8: inout [UInt8]) {
        var start = 0
        for (index, byte) in bytes.enumerated() where byte >= 0x80 {
            utf8.append(contentsOf: bytes[start..<index])
            utf8.append(contentsOf: scalar(for: byte).utf8)
            start = index + 1
        }
        utf8.append(contentsOf: bytes[start...])
    }
}
