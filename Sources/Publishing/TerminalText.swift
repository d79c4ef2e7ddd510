import Foundation

/// Text from the data made safe to print on a terminal: what a file carries must never move the cursor, change
/// colours, reorder a line or start a new one.
///
/// Only what is shown is sanitized (aligned tables, messages on stderr); stored values and CSV/JSON output keep
/// every character as the source wrote it.
public enum TerminalText {
    /// `text` with line breaks and tabs as spaces (unless `keepingNewlines`, for multi-line messages), and with
    /// C0 and C1 control characters (ANSI escape sequences start with one), DEL and Unicode bidirectional
    /// controls (U+202E and its kind, which reorder what follows) as U+FFFD.
    public static func sanitized(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacing($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !needsReplacing(scalar, keepingNewlines: keepingNewlines) {
                scalars.append(scalar)
            } else if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}"
            {
                scalars.append(" ")
            } else {
                scalars.append("\u{FFFD}")
            }
        }
        return String(scalars)
    }

    private static func needsReplacing(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingNewlines
        case 0x00...0x1F, 0x7F...0x9F: true
        // Arabic letter mark, LRM/RLM, embeddings and overrides, isolates, line and paragraph separators.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }
}
