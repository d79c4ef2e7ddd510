import Foundation

/// Normalizes column headers so the variants real files use compare equal.
///
/// `NOG CONCURSO`, `NOG_CONCURSO`, `nogConcurso` and `Nog  Concurso` all become `nog_concurso`;
/// `DESCRIPCIÓN` becomes `descripcion`.
public enum HeaderKey {
    /// The normalized key of a header: accents folded, camelCase split, lowercase, runs of
    /// non-alphanumerics collapsed into single underscores.
    public static func normalize(_ header: String) -> String {
        var out = ""
        var previousWasLower = false
        var pendingSeparator = false
        let folded = header.trimmingCharacters(
            in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))
        )
        .folding(options: [.diacriticInsensitive], locale: Locale(identifier: "es"))
        for character in folded {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousWasLower { pendingSeparator = true }
                if pendingSeparator && !out.isEmpty { out.append("_") }
                pendingSeparator = false
                out.append(contentsOf: character.lowercased())
                previousWasLower = character.isLowercase || character.isNumber
            } else {
                pendingSeparator = true
                previousWasLower = false
            }
        }
        return out
    }
}
