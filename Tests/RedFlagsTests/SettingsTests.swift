import Domain
import Foundation
import RedFlags
import TestSupport
import Testing

/// The settings file: the sample documents every default, errors name the table and key, and the parameters'
/// hash follows the effective values.
struct SettingsTests {
    private let sample = BinaryRunner.samples.appendingPathComponent("banderas/banderas.toml")

    private func text(_ settings: RedFlagSettings, ids: [String]? = nil) throws -> String {
        try RedFlagEngine(settings: settings).parametersText(ejercicio: 2022, ids: ids)
    }

    @Test("Samples/banderas/banderas.toml sets every parameter to its default: same canonical text as no file")
    func sampleIsDefaults() throws {
        let loaded = try RedFlagSettings.load(sample)
        #expect(try text(loaded) == (try text(.defaults)))
        // And it names every parameter of every computed indicator.
        let contents = try String(contentsOf: sample, encoding: .utf8)
        for (id, parameters) in IndicatorRegistry.defaultParameters {
            #expect(contents.contains("[\(id)]"))
            for parameter in parameters {
                #expect(contents.contains("\n\(parameter.name) = "), "falta \(id).\(parameter.name) en el ejemplo")
            }
        }
    }

    @Test("changing one parameter changes the hash; the same settings give the same hash")
    func hash() throws {
        let inputs = FlagInputs(ejercicio: 2022, purchases: [])
        let first = try RedFlagEngine(settings: .defaults).run(inputs)
        let again = try RedFlagEngine(settings: .defaults).run(inputs)
        let changed = try RedFlagEngine(settings: RedFlagSettings.parse("[TR02]\nventana = 8", file: "x")).run(inputs)
        #expect(first.parametersHash == again.parametersHash)
        #expect(first.parametersHash != changed.parametersHash)
        #expect(first.parametersHash.count == 64)
        #expect(changed.parametersText.contains("[TR02]\nventana = 8\n"))
    }

    @Test("the canonical text lists the thresholds in force from the catalog and the exclusions")
    func canonicalText() throws {
        let text = try text(.defaults, ids: ["TR02"])
        #expect(text.contains("inicio.umbral.baja_cuantia = \"0.01..25000.00\""))
        #expect(text.contains("cierre.umbral.cotizacion = \"90000.01..900000.00\""))
        #expect(
            text.contains("[[exclusiones]] tipo = \"renglon\", valores = [\"000\", \"111\", \"112\", \"113\", \"115\"]")
        )
        #expect(!text.contains("[TR03]"))
    }

    @Test(
        "a wrong key, value or table is an error naming it",
        arguments: [
            ("[TR02]\nventanas = 7", "[TR02] clave «ventanas» desconocida"),
            ("[TR02]\nventana = \"semana\"", "[TR02] ventana debe ser"),
            ("[TR05]\ndelta = 0.9", "[TR05] delta debe ser un número entre"),
            ("[TR99]\nx = 1", "tabla [TR99] desconocida"),
            ("[TR18]\nx = 1", "[TR18] clave «x» desconocida"),
            ("[general]\nfecha_base = \"hoy\"", "fecha_base"),
            ("[[exclusiones]]\ntipo = \"modalidad\"\nvalores = [\"compra_rara\"]", "«compra_rara» no es un código"),
            ("[[umbrales]]\nmodalidad = \"baja_cuantia\"\nmaximo = \"35000\"", "falta vigente_desde"),
            ("[TR02\nventana = 7", "línea 1"),
        ])
    func errors(text: String, message: String) throws {
        do {
            _ = try RedFlagSettings.parse(text, file: "mala.toml")
            Issue.record("se esperaba un error para: \(text)")
        } catch let error as RedFlagsError {
            let description = error.errorDescription ?? ""
            #expect(description.contains("mala.toml"))
            #expect(description.contains(message), "\(description)")
        }
    }

    @Test("a settings file that is missing is an error in Spanish naming the file")
    func missingFile() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-existe-\(UUID()).toml")
        do {
            _ = try RedFlagSettings.load(missing)
            Issue.record("se esperaba un error")
        } catch let error as RedFlagsError {
            let description = error.errorDescription ?? ""
            #expect(description.contains(missing.path))
            #expect(description.contains("el archivo no existe"), "\(description)")
            #expect(!description.contains("doesn"), "\(description)")
        }
    }

    @Test("exclusions in the file replace the defaults; thresholds add to the catalog")
    func replaceExclusions() throws {
        let settings = try RedFlagSettings.parse(
            """
            [[exclusiones]]
            tipo = "renglon"
            valores = ["211"]
            vigente_desde = 2022-01-01
            [[umbrales]]
            modalidad = "baja_cuantia"
            maximo = 35000
            vigente_desde = "2026-07-01"
            """, file: "x")
        #expect(settings.exclusions.count == 1)
        #expect(settings.exclusions.first?.from == "2022-01-01")
        #expect(settings.thresholds.first?.maximum == Money(quetzales: 35_000))
    }

    @Test("asking for an unknown indicator is an error; all twenty are computed")
    func unknownIndicators() throws {
        let inputs = FlagInputs(ejercicio: 2022, purchases: [])
        #expect(throws: RedFlagsError.unknownIndicator("TR99")) { try RedFlagEngine().run(inputs, ids: ["TR99"]) }
        #expect(
            try RedFlagEngine().run(inputs, ids: ["TR18", "TR19", "TR20"]).indicators.map(\.info.id) == [
                "TR18", "TR19", "TR20",
            ])
        #expect(IndicatorRegistry.all.map(\.id) == (1...20).map { String(format: "TR%02d", $0) })
        #expect(IndicatorRegistry.all.allSatisfy { $0.isAvailable })
    }

    @Test("every indicator's explanation says a flag is not a finding and names what to rule out")
    func explanations() {
        for info in IndicatorRegistry.all where info.isAvailable {
            #expect(info.explanation.contains("nunca un hallazgo"), "\(info.id)")
            #expect(info.explanation.localizedCaseInsensitiveContains("descart"), "\(info.id)")
        }
    }
}
