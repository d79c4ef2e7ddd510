import Foundation

/// Trimming of spaces and tabs around a field, without Foundation's work for the fields that have none.
///
/// Foundation's `trimmingCharacters(in: .whitespaces)` costs as much on a clean field as on one it changes; a
/// national execution file has tens of millions of fields, nearly all clean.
public enum Whitespace {
    /// The text without leading and trailing whitespace (`CharacterSet.whitespaces`: spaces, tabs and the other
    /// Unicode space separators), exactly as `trimmingCharacters(in: .whitespaces)`.
    public static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        // An ASCII byte at either end that is neither space nor tab leaves that end as it is; any non-ASCII end
        // (a no-break space is whitespace) goes to Foundation.
        if isPlainASCII(first) && isPlainASCII(last) { return text }
        // A name ending in a letter with an accent (`Quiché`, `Petén`) has nothing to trim either: only when a
        // character at an end is whitespace does Foundation (through NSString, slow) do the trimming.
        if let head = text.unicodeScalars.first, let tail = text.unicodeScalars.last, !isWhitespace(head),
            !isWhitespace(tail)
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// True for what `CharacterSet.whitespaces` holds: the space separators (general category Zs), tab, and the
    /// zero-width space Foundation still counts among them (`WhitespaceTests` checks every character).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// True for the text's ends that are blank or whitespace only.
    public static func isBlank(_ text: String) -> Bool {
        trimmed(text).isEmpty
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }
}
