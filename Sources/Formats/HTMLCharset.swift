import Foundation

/// Decides the encoding of a saved HTML page before libxml2 sees it.
///
/// libxml2 versions disagree on pages without a charset (2.9 guesses UTF-8, 2.14 ISO-8859-1), so the
/// reader always passes one explicitly. Order: byte-order mark; then valid UTF-8 bytes are UTF-8
/// whatever a `<meta>` claims (a browser that re-saved a page as UTF-8 often keeps the old meta, and
/// windows-1252 text is practically never valid UTF-8 by accident); otherwise a single-byte charset
/// named in a `<meta>`; otherwise windows-1252 (never plain ISO-8859-1, whose C1 range loses `“ ” –`).
public enum HTMLCharset {
    /// The encoding name to pass to libxml2 (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1252`, `ISO-8859-15`).
    public static func detect(_ data: Data) -> String {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if data.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if data.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        var validator = UTF8Validator()
        validator.consume(data)
        validator.finish()
        if validator.isValid { return "UTF-8" }
        switch declaredCharset(data) {
        case "iso-8859-15", "latin9", "latin-9": return "ISO-8859-15"
        default: return "windows-1252"
        }
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
}
