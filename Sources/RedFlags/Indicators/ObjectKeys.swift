import Domain
import Foundation

/// What a purchase is "about" for same-object comparisons: its UNSPSC classes (6-digit class, or the 4-digit
/// family when the class digits are zeros) and the words of its title.
struct ObjectKeys: Sendable {
    let classes: Set<String>
    let words: Set<String>

    /// The keys of a fact's purchase (reading two fields, not copying the whole purchase).
    init(_ fact: PurchaseFacts) {
        self.init(items: fact.purchase.items, title: fact.purchase.title)
    }

    init(items: [FlagItem], title: String) {
        var classes: Set<String> = []
        for item in items {
            guard let code = item.classificationID.map(Self.digits), code.utf8.count >= 6 else { continue }
            let classCode = String(code.prefix(6))
            classes.insert(classCode.hasSuffix("00") ? "F" + String(code.prefix(4)) : "C" + classCode)
        }
        self.classes = classes
        words = TextTokens.tokens(title)
    }

    /// The ASCII digits of a code. An all-ASCII text (every real code) is filtered byte by byte, which gives the
    /// same digits as filtering its characters without Unicode's character and number properties.
    static func digits(_ code: String) -> String {
        guard code.utf8.allSatisfy({ $0 < 0x80 }) else { return code.filter(\.isASCIIDigitCharacter) }
        return String(decoding: code.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }

    /// True when two purchases share a class or their titles are at least `similarity` alike (Jaccard).
    func sameObject(as other: ObjectKeys, similarity: Double) -> Bool {
        if !classes.isDisjoint(with: other.classes) { return true }
        guard !words.isEmpty, !other.words.isEmpty else { return false }
        return TextTokens.jaccard(words, other.words) >= similarity - 1e-9
    }

    /// True when every pair of a group names the same object.
    static func allSame(_ keys: [ObjectKeys], similarity: Double) -> Bool {
        guard keys.count > 1 else { return true }
        let shared = keys.dropFirst().reduce(keys[0].classes) { $0.intersection($1.classes) }
        if !shared.isEmpty { return true }
        for i in keys.indices {
            for j in keys.indices where j > i {
                if !keys[i].sameObject(as: keys[j], similarity: similarity) { return false }
            }
        }
        return true
    }
}
