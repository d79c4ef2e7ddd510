import Foundation

/// Guatecompras text fields are text, never markup, but carry `<br />` tags, tabs and runs of spaces:
/// this turns them into one clean line.
enum PlainText {
    /// The cleaned text and whether anything beyond trimming was changed.
    static func clean(_ text: String) -> (String, repaired: Bool) {
        if isAlreadyClean(text) { return (text, false) }
        var repaired = false
        var working = text
        if working.contains("<") {
            let replaced = working.replacingOccurrences(
                of: "<\\s*br\\s*/?\\s*>", with: " ", options: [.regularExpression, .caseInsensitive])
            if replaced != working {
                repaired = true
                working = replaced
            }
        }
        let collapsed = working.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return (collapsed, repaired)
    }

    /// True for the common case (no markup, no control or doubled spaces, no padding): nothing to do.
    private static func isAlreadyClean(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x3C, 0x00..<0x20, 0xC2, 0xE2:
                // `<`, control characters, and lead bytes of non-ASCII spaces (U+00A0, U+2000…) take the slow path.
                return false
            default:
                previousSpace = false
            }
        }
        return !previousSpace || text.isEmpty
    }
}
