import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct LinkRulesReaderTests {
    private func parse(_ text: String) throws -> LinkRulesReading {
        try LinkRulesReader.parse(text, fileName: "reglas.toml")
    }

    /// The diagnostics of a rules text that must be refused.
    private func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try parse(text)
            return []
        } catch ImportError.invalidFile(_, let diagnostics) {
            return diagnostics
        } catch {
            return [Diagnostic(file: "?", message: "\(error)")]
        }
    }

    @Test("the sample rules file reads whole: ids, lines, criteria and targets")
    func sample() throws {
        let reading = try LinkRulesReader.read(
            BinaryRunner.samples.appendingPathComponent("vinculos/reglas-sosep-2022.toml"))
        let rules = reading.ruleSet.rules
        #expect(reading.ruleSet.ejercicio == 2022)
        #expect(rules.count == 14)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics)")
        let food = try #require(rules.first { $0.id == "alimentos-oficinas" })
        #expect(food.criteria.keywords == ["agua purificada", "cafeteria"])
        #expect(food.criteria.modalityCodes == ["baja_cuantia"])
        #expect(food.criteria.maximumAmount == Money(quetzales: 25_000))
        #expect(food.targets == [LinkRuleTarget(productCode: "P01", renglon: Renglon(rawValue: "211"))])
        let fumigation = try #require(rules.first { $0.id == "hogares-fumigacion" })
        #expect(fumigation.criteria.from == "2022-01-01" && fumigation.criteria.through == "2022-06-30")
        #expect(rules.first { $0.id == "uniformes-madres-cuidadoras" }?.targets.first?.subproductCode == "P02-01")
        #expect(rules.first { $0.id == "limpieza-oficinas" }?.criteria.supplierNITs == ["947642900"])
        #expect(rules.first?.line == 14)
        #expect(reading.sha256.count == 64)
    }

    @Test("a split reads its shares exactly and must add up to 1")
    func split() throws {
        let reading = try parse(
            """
            [[regla]]
            id = "reparto"
            nits = ["421450878"]
            reparto = [{ producto = "P03", participacion = "0.6" }, { producto = "P05", renglon = "211", participacion = "40%" }]
            """)
        let targets = try #require(reading.ruleSet.rules.first?.targets)
        #expect(targets.map(\.share.billionths) == [600_000_000, 400_000_000])
        #expect(targets[1].renglon?.rawValue == "211")

        let bad = problems(
            """
            [[regla]]
            id = "reparto"
            nits = ["421450878"]
            reparto = [{ producto = "P03", participacion = "0.6" }, { producto = "P05", participacion = "0.3" }]
            """)
        #expect(bad.first?.line == 4 && bad.first?.field == "reparto")
        #expect(bad.first?.message.contains("suman 0.9") == true)
    }

    @Test(
        "mistakes are diagnostics with the rule's line and the key, in Spanish",
        arguments: [
            ("[[regla]]\nid = \"a\"\npalabra = [\"x\"]\nproducto = \"P01\"", 3, "palabra", "clave desconocida"),
            ("[[regla]]\nid = \"a\"\nproducto = \"P01\"", 2, "id", "no tiene criterios"),
            ("[[regla]]\nid = \"a\"\npalabras = [\"x\"]", 1, "producto", "falta el destino"),
            ("[[regla]]\nid = \"a\"\nrenglones = [\"21a\"]\nproducto = \"P01\"", 3, "renglones", "no es un renglón"),
            (
                "[[regla]]\nid = \"a\"\nmodalidades = [\"trueque\"]\nproducto = \"P01\"", 3, "modalidades",
                "no es una modalidad"
            ),
            ("[[regla]]\nid = \"a\"\nmonto_minimo = \"diez\"\nproducto = \"P01\"", 3, "monto_minimo", "no"),
            ("[[regla]]\nid = \"a\"\ndesde = \"2022-13-01\"\nproducto = \"P01\"", 3, "desde", "fecha"),
            ("[[regla]]\nid = \"a\"\npalabras = [\"x\"]\nproducto = 1", 4, "producto", "comillas"),
            (
                "[[regla]]\nid = \"a\"\npalabras = [\"x\"]\nproducto = \"P01\"\n\n[[regla]]\nid = \"a\"\npalabras = [\"y\"]\nproducto = \"P02\"",
                7, "id", "ya lo usa la regla de la línea 1"
            ),
            ("ejercicio = 2022\n[[regla]\nid = 1", 2, nil, "TOML inválido"),
        ] as [(String, Int, String?, String)])
    func mistakes(text: String, line: Int, field: String?, message: String) {
        let found = problems(text)
        #expect(found.contains { $0.line == line && $0.field == field && $0.message.contains(message) }, "\(found)")
    }

    @Test("warnings do not refuse the file: a renglón the catalog lacks, a NIT that fails its check digit")
    func warnings() throws {
        let reading = try parse(
            """
            [[regla]]
            id = "a"
            nits = "421450879"
            producto = "P01"
            renglon = "999"
            """)
        #expect(reading.ruleSet.rules.count == 1)
        #expect(reading.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(reading.diagnostics.contains { $0.field == "nits" && $0.message.contains("debería terminar en 8") })
    }
}
