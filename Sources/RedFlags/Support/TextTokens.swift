import Foundation

/// Words of a purchase description for "same object" comparisons (TR03, TR06): lower-case, accents stripped,
/// HTML line breaks, tabs, digits and punctuation dropped, Spanish stop-words and procedural words removed.
enum TextTokens {
    /// Words that say nothing about what is bought.
    static let stopWords: Set<String> = [
        "a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "o", "para", "por", "que", "se",
        "su", "sus", "un", "una", "uno", "unos", "unas", "y", "u", "segun", "sin", "sobre", "entre", "ante",
        "br", "nbsp", "adquisicion", "compra", "contratacion", "suministro", "solicitud", "requerimiento",
    ]

    /// The distinct words of a text.
    static func tokens(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var word = ""
        func flush() {
            if word.count > 1, !stopWords.contains(word) { result.insert(word) }
            word = ""
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A: word.unicodeScalars.append(scalar)
            case 0x41...0x5A: word.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            case 0x300...0x36F: continue  // combining accents: "adquisición" → "adquisicion"
            default: flush()
            }
        }
        flush()
        return result
    }

    /// |a ∩ b| / |a ∪ b|, 0 when both are empty.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
