import Domain
import Formats
import Foundation

/// Repairs or flags the text damage seen in execution files' names.
///
/// Doubly-encoded UTF-8 (`SECRETAR\u{C3}\u{8D}A` for SECRETARÍA) is undone with ``Formats/TextRepair``. Text that
/// was decoded twice *and* lost a byte (`ESPECÃ` + U+FFFD + `FICOS`; `?` in a single-byte file) hides one of
/// Á, Í, Ï, Ð or Ý: Windows-1252 leaves their second UTF-8 byte undefined. The letter is put back only when a
/// faithful source settles it, in this order: a reference name for the same code (the catalog's, or an
/// undamaged copy from the same file or the ledger) that reads the same with one of those letters in place;
/// else, word by word, the single candidate that makes a known Spanish word (``Domain/SpanishWords``).
/// Otherwise the lost letter stays as U+FFFD, visibly flagged. Any other U+FFFD (text that held lone UTF-16
/// surrogates) cannot be repaired.
enum NameRepair {
    /// What settled a lost letter.
    enum Source: String, Sendable {
        case catalog = "catálogo"
        case sameCode = "mismo código"
        case dictionary = "diccionario"
    }

    /// The outcome of looking at one text.
    enum Outcome: Equatable {
        case clean
        /// Intact double encoding, undone.
        case repaired(String)
        /// Lost letters put back, and what settled them.
        case restored(String, Source)
        /// The text still carries U+FFFD where information was lost.
        case damaged(String)
    }

    /// The letters whose second UTF-8 byte Windows-1252 does not define.
    static let lostLetters: [Character] = ["Á", "Í", "Ï", "Ð", "Ý"]
    /// Stands for a lost letter while the rest of the text is repaired (a control character no name holds).
    private static let marker: Character = "\u{1}"

    /// Looks at a name.
    /// - Parameters:
    ///   - text: the name as the file gives it.
    ///   - catalog: the catalog's name for the same code, if any.
    ///   - sameCode: undamaged names of the same code seen in this file or the ledger.
    static func inspect(_ text: String, catalog: String? = nil, sameCode: [String] = []) -> Outcome {
        guard let pattern = pattern(text) else {
            let outcome = TextRepair.repair(text)
            return outcome.changed ? .repaired(outcome.text) : .clean
        }
        guard pattern.contains(marker) else {
            // Only damage that cannot be repaired (lone surrogates).
            return .damaged(pattern)
        }
        if let catalog, let filled = fill(pattern, from: catalog) { return .restored(filled, .catalog) }
        for reference in sameCode {
            if let filled = fill(pattern, from: reference) { return .restored(filled, .sameCode) }
        }
        let (filled, complete) = fillByWords(pattern)
        return complete ? .restored(filled, .dictionary) : .damaged(filled)
    }

    /// True when a text carries any damage this type deals with (cheap test before ``inspect``).
    static func isDamaged(_ text: String) -> Bool { pattern(text) != nil }

    /// The text with every lost letter as ``marker``, the intact double encoding around it undone and other
    /// unrecoverable characters as U+FFFD; nil when the text has no lost information at all.
    private static func pattern(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { $0 == "\u{FFFD}" || $0 == "?" || (0x80...0x9F).contains($0.value) }) else {
            return nil
        }
        var marked = String.UnicodeScalarView()
        var lost = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let afterNext = index + 2 < scalars.count ? scalars[index + 2] : nil
            // `Ã` + U+FFFD, or `Ã?` inside a word (what a converter to a single-byte encoding writes for U+FFFD).
            if scalar == "Ã", next == "\u{FFFD}" || (next == "?" && afterNext.map(isLetter) == true) {
                marked.append(marker.unicodeScalars.first ?? "\u{1}")
                lost = true
                index += 2
                continue
            }
            marked.append(scalar)
            index += 1
        }
        let hasReplacement = scalars.contains("\u{FFFD}")
        guard lost || hasReplacement || scalars.contains(where: { (0x80...0x9F).contains($0.value) }) else {
            return nil
        }
        var repaired = TextRepair.repair(String(marked)).text
        // C1 controls left after repair are bytes no double encoding explains: the text lost them.
        repaired = String(
            String.UnicodeScalarView(repaired.unicodeScalars.map { (0x80...0x9F).contains($0.value) ? "\u{FFFD}" : $0 })
        )
        guard lost || repaired.unicodeScalars.contains("\u{FFFD}") else { return nil }
        return repaired
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { CharacterSet.letters.contains(scalar) }

    /// The pattern with its lost letters taken from a reference that reads the same (case, accents and spacing
    /// of the other letters aside), in the pattern's case; nil when the reference does not fit.
    static func fill(_ pattern: String, from reference: String) -> String? {
        let wanted = Array(collapse(pattern))
        let given = Array(collapse(reference))
        guard wanted.count == given.count else { return nil }
        var out = ""
        for (index, (character, candidate)) in zip(wanted, given).enumerated() {
            if character == marker {
                let upper = Character(candidate.uppercased())
                guard lostLetters.contains(upper) else { return nil }
                out.append(isUppercaseContext(wanted, at: index) ? upper : Character(candidate.lowercased()))
            } else {
                guard character.uppercased() == candidate.uppercased() else { return nil }
                out.append(character)
            }
        }
        return out
    }

    /// Fills each word's lost letters with the single candidate that makes a known word; a word with none or
    /// several keeps U+FFFD. Returns the text and whether every lost letter was filled.
    static func fillByWords(_ pattern: String) -> (String, Bool) {
        var out = ""
        var complete = true
        var word: [Character] = []
        func flush() {
            guard !word.isEmpty else { return }
            defer { word = [] }
            guard word.contains(marker) else {
                out.append(contentsOf: word)
                return
            }
            let upper = word.contains { $0.isLetter && $0.isLowercase } == false
            let slots = word.indices.filter { word[$0] == marker }
            // Five letters per slot; names never hold more than a couple of lost letters in one word.
            guard slots.count <= 3 else {
                complete = false
                out.append(contentsOf: word.map { $0 == marker ? "\u{FFFD}" : $0 })
                return
            }
            var matches: [[Character]] = []
            var combination = Array(repeating: 0, count: slots.count)
            while true {
                var candidate = word
                for (slot, choice) in zip(slots, combination) {
                    let letter = lostLetters[choice]
                    candidate[slot] = upper ? letter : Character(letter.lowercased())
                }
                if SpanishWords.contains(String(candidate)) { matches.append(candidate) }
                var position = 0
                while position < combination.count {
                    combination[position] += 1
                    if combination[position] < lostLetters.count { break }
                    combination[position] = 0
                    position += 1
                }
                if position == combination.count { break }
            }
            if matches.count == 1, let match = matches.first {
                out.append(contentsOf: match)
            } else {
                complete = false
                out.append(contentsOf: word.map { $0 == marker ? "\u{FFFD}" : $0 })
            }
        }
        for character in pattern {
            if character.isLetter || character == marker {
                word.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return (out, complete)
    }

    /// The text with runs of spaces as one and no spaces at the ends.
    private static func collapse(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// True when the letters around a position are capitals (so a filled letter is written as a capital).
    private static func isUppercaseContext(_ characters: [Character], at index: Int) -> Bool {
        let neighbours = characters[max(0, index - 3)..<min(characters.count, index + 4)].filter { $0.isLetter }
        return neighbours.isEmpty || neighbours.allSatisfy { !$0.isLowercase }
    }
}
