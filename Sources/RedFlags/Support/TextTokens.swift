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
    ///
    /// Accented Latin letters are folded by a table instead of Unicode decomposition: a national year has
    /// 300,000 titles and Foundation's decomposition costs several microseconds each. Combining marks (already
    /// decomposed text) are skipped, which folds them the same way.
    static func tokens(_ text: String) -> Set<String> {
        var result: Set<String> = []
        var word: [UInt8] = []
        func flush() {
            if word.count > 1 {
                let text = String(decoding: word, as: UTF8.self)
                if !stopWords.contains(text) { result.insert(text) }
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x61...0x7A: word.append(UInt8(value))
            case 0x41...0x5A: word.append(UInt8(value + 0x20))
            case 0x300...0x36F: continue
            case 0xC0...0xFF:
                if let folded = latin1Fold[Int(value - 0xC0)] { word.append(folded) } else { flush() }
            default: flush()
            }
        }
        flush()
        return result
    }

    /// U+00C0…U+00FF folded to a lower-case ASCII letter (nil for ×, ÷ and the like).
    private static let latin1Fold: [UInt8?] = {
        let letters =
            "aaaaaaaceeeeiiii" + "dnooooo" + "." + "ouuuuy" + "ts" + "aaaaaaaceeeeiiii" + "dnooooo" + "." + "ouuuuy"
            + "ty"
        return letters.utf8.map { $0 == UInt8(ascii: ".") ? nil : $0 }
    }()

    /// |a ∩ b| / |a ∪ b|, 0 when both are empty.
    ///
    /// Counts the intersection by looking the smaller set's words up in the larger: building the union and the
    /// intersection as sets allocated two sets per pair, and TR03 compares hundreds of thousands of pairs.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var shared = 0
        for word in small where large.contains(word) { shared += 1 }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}
