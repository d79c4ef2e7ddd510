import Domain
import Testing

struct NITCheckDigitTests {
    @Test(
        "NITs with the right check character pass, written with or without hyphen, zeros or lowercase k",
        arguments: [
            "576937-K", "576937-k", "7108-0", "39525503", "41714685K", "82590753", "421450878", "0000421450878",
            "947642900",
        ])
    func valid(nit: String) {
        #expect(NITCheckDigit.check(nit) == .valid)
    }

    @Test(
        "a wrong check character is reported with the one expected",
        arguments: [
            ("8977112-0", "5"), ("421450879", "8"), ("41714685-9", "K"), ("576937-0", "K"), ("82590754", "3"),
            ("1290457", "2"),
        ])
    func wrongDigit(nit: String, expected: Character) {
        #expect(NITCheckDigit.check(nit) == .wrongCheckDigit(expected: expected))
    }

    @Test(
        "text that is not shaped like a NIT is malformed",
        arguments: ["CF", "C/F", "12A45", "1", "", "1234567890123", "K"])
    func malformed(text: String) {
        #expect(NITCheckDigit.check(text) == .malformed)
    }

    @Test("the check character weighs digits from 2 at the right and writes 10 as K")
    func checkCharacter() {
        #expect(NITCheckDigit.checkCharacter(ofBody: "576937") == "K")  // Σ = 166, 166 mod 11 = 1, 11 − 1 = 10
        #expect(NITCheckDigit.checkCharacter(ofBody: "7108") == "0")  // Σ = 44, 44 mod 11 = 0
        #expect(NITCheckDigit.checkCharacter(ofBody: "12a") == nil)
        #expect(NITCheckDigit.compact(" 0041714685-k ") == "41714685K")
    }
}
