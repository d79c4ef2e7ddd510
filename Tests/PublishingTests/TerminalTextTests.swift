import Foundation
import Publishing
import Testing

/// What the data carries never drives the terminal: line breaks, ANSI escapes, bidi overrides, C0 and C1 controls.
struct TerminalTextTests {
    @Test(
        "control and bidi characters are replaced; accents, ñ, € and emoji are kept",
        arguments: [
            ("ALIMENTOS\nPARA\r\nNIÑOS", "ALIMENTOS PARA  NIÑOS"),
            ("\u{1B}[31mROJO\u{1B}[0m", "\u{FFFD}[31mROJO\u{FFFD}[0m"),
            ("ABC\u{202E}FED", "ABC\u{FFFD}FED"),
            ("a\u{2066}b\u{2069}c\u{200F}", "a\u{FFFD}b\u{FFFD}c\u{FFFD}"),
            ("x\u{0}\u{7}\u{7F}\u{85}\u{9B}y", "x\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}y"),
            ("tab\there", "tab here"),
            ("Licitación Pública · Q1,000.00 € 🇬🇹", "Licitación Pública · Q1,000.00 € 🇬🇹"),
        ])
    func sanitized(input: String, expected: String) {
        #expect(TerminalText.sanitized(input) == expected)
    }

    @Test("multi-line messages may keep their line breaks, never their escapes")
    func keepingNewlines() {
        #expect(TerminalText.sanitized("uno\n\u{1B}[2Jdos", keepingNewlines: true) == "uno\n\u{FFFD}[2Jdos")
    }

    @Test("a newline, an ANSI escape or U+202E in a cell cannot break or recolour a table row; CSV keeps the data")
    func table() {
        let table = DataTable(
            name: "t", title: "Compras\u{1B}[2J",
            columns: [DataColumn("nog"), DataColumn("descripcion"), DataColumn("monto", .number)],
            rows: [
                [.text("1"), .text("SILLAS\nDE OFICINA"), .integer(5)],
                [.text("2"), .text("\u{1B}[31mROJO\u{1B}[0m \u{202E}odaicini"), .integer(7)],
            ])
        let text = TextTableRenderer.render(table)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 6, "\(text)")
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(text.contains("SILLAS DE OFICINA"))
        let csv = CSVTableWriter.render(table)
        #expect(csv.contains("\u{1B}[31mROJO") && csv.contains("\u{202E}") && csv.contains("SILLAS\nDE OFICINA"))
    }
}
