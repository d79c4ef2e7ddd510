import Foundation

/// Guatecompras' "nothing here" text: `[--No Especificado--]`, also `[--NO ESPECIFICADO--]` and `[-no especificado-]`.
enum NOGPlaceholder {
    /// True when the text is the placeholder in any of its spellings.
    static func isPlaceholder(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return false }
        return trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "[]- ")) == "no especificado"
    }
}
