import Domain
import Foundation
import Testing

/// Trimming a field's whitespace without Foundation when there is none must give Foundation's answer.
struct WhitespaceTests {
    @Test(
        "trimming agrees with Foundation's whitespace set",
        arguments: [
            "", " ", "\t", "011", " 011", "011 ", "\t011\t", "\u{00A0}011", "011\u{00A0}", "Secretaría ", "ñ", " ñ ",
            "a b", "\u{2003}x\u{2003}", "\n011", "Quiché", "Petén ", "é", "\u{0301}x", "x\u{0301}", " x\u{0301}",
            "\u{3000}Sacatepéquez", "Sololá\u{202F}",
        ])
    func agreesWithFoundation(text: String) {
        #expect(Whitespace.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(Whitespace.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test("every character of the Basic Multilingual Plane at either end trims as Foundation trims it")
    func everyEndCharacter() {
        var disagreements: [String] = []
        for value in UInt32(1)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["x\(scalar)", "\(scalar)x", "\(scalar)"]
            where Whitespace.trimmed(text) != text.trimmingCharacters(in: .whitespaces) {
                disagreements.append(String(value, radix: 16))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
