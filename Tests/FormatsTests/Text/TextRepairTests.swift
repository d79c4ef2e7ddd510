import Formats
import Testing

struct TextRepairTests {
    @Test(
        "doubly-encoded UTF-8 is repaired",
        arguments: [
            ("NIÃ‘OS", "NIÑOS"),
            ("COFIÃ\u{0091}O", "COFIÑO"),
            ("ADQUISICIÃ“N DE ALIMENTOS", "ADQUISICIÓN DE ALIMENTOS"),
            ("SecretarÃ­a", "Secretaría"),
            ("CotizaciÃƒÂ³n", "Cotización"),
        ])
    func repairs(broken: String, expected: String) {
        let outcome = TextRepair.repair(broken)
        #expect(outcome.text == expected)
        #expect(outcome.changed)
        #expect(TextRepair.isMojibake(broken))
    }

    @Test(
        "genuine Spanish text is left alone",
        arguments: [
            "NIÑOS", "AÑO", "Ángel", "SECRETARÍA DE OBRAS SOCIALES", "Â", "ÃO", "Q1,234.56", "",
        ])
    func leavesCorrectText(text: String) {
        let outcome = TextRepair.repair(text)
        #expect(outcome.text == text)
        #expect(!outcome.changed)
    }
}
