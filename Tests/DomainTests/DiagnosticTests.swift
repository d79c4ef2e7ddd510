import Domain
import Foundation
import Testing

struct DiagnosticTests {
    @Test("prints file, line, field, severity and message")
    func description() {
        let diagnostic = Diagnostic(
            file: "metas.csv", line: 12, field: "meta_fisica", message: "«doce» no es una cantidad numérica")
        #expect(
            diagnostic.description == "metas.csv:12: campo «meta_fisica»: error: «doce» no es una cantidad numérica")
        let whole = Diagnostic(file: "x.csv", severity: .warning, message: "vacío")
        #expect(whole.description == "x.csv: advertencia: vacío")
    }

    @Test("only errors block an import")
    func blocking() {
        let warnings = [
            Diagnostic(file: "a", severity: .warning, message: "w"),
            Diagnostic(file: "a", severity: .info, message: "i"),
        ]
        #expect(!warnings.containsErrors)
        #expect((warnings + [Diagnostic(file: "a", message: "e")]).containsErrors)
    }

    @Test("groups digits of quantities")
    func grouping() {
        #expect(DigitGrouping.grouped(UInt64(58_425)) == "58,425")
        #expect(DigitGrouping.grouped(UInt64(999)) == "999")
        #expect(DigitGrouping.grouped(UInt64(178_061_100)) == "178,061,100")
        #expect(PhysicalGoal(unidadMedida: "Persona", cantidad: 17050).formatted == "17,050 Persona")
    }
}
