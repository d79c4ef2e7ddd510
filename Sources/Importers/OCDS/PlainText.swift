import Foundation

/// Guatecompras text fields are text, never markup, but carry `<br />` tags, tabs and runs of spaces:
/// this turns them into one clean line.
enum PlainText {
    /// The cleaned text and whether anything beyond trimming was changed.
    static func clean(_ text: String) -> (String, repaired: Bool) {
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
}
