import Foundation

/// Cell text as the flattened reader compares and stores it.
enum OCDSFlatCell {
    /// The text without leading and trailing spaces, tabs and line breaks. Most cells have none, so they are
    /// returned as they are: Foundation's `trimmingCharacters` bridges every string and took a third of a read.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isBlank(first) && !isBlank(last) { return text }
        let start = scalars.firstIndex { !isBlank($0) } ?? scalars.endIndex
        guard start < scalars.endIndex, let end = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}"
    }
}
