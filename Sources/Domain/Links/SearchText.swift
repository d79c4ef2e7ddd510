import Foundation

/// Text as keyword rules compare it: accents and case folded, anything but letters and digits a single space.
///
/// `ADQUISICIÓN DE ALIMENTOS, ZONA 1` and `adquisicion de alimentos zona 1` fold to the same text, so a rule
/// written without tildes matches titles written with them.
public enum SearchText {
    /// The folded text: lowercase ASCII letters and digits separated by single spaces (`ñ` becomes `n`).
    public static func fold(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A:
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            case 0x41...0x5A:
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            case 0x300...0x36F: continue  // combining accents: dropped, the base letter stays
            default: pendingSpace = true
            }
        }
        return out
    }
}
