import Domain
import Foundation
import Testing

/// Trimming a field's whitespace without Foundation when there is none must give Foundation's answer.
struct WhitespaceTests {
    @Test(
        "trimming agrees with Foundation's whitespace set",
        arguments: [
            "", " ", "\t", "011", " 011", "011 ", "\t011\t", "\u{00A0}011", "011\u{00A0}", "Secretaría ", "ñ", " ñ ",
            "a b", "\u{2003}x\u{2003}", "\n011",
        ])
    func agreesWithFoundation(text: String) {
        #expect(Whitespace.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(Whitespace.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
