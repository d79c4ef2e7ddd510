import Foundation
import TestSupport
import Testing

/// What new users tripped over: each case as they met it.
@Suite(.serialized)
struct UsabilityTests {
    @Test("a --profile that does not exist is an error naming the path, not «todas las entidades»")
    func missingProfile() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let result = try runner.run(["report", "grupos", "--profile", "perfil-que-no-existe.toml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no existe el perfil «perfil-que-no-existe.toml»"))
    }

    @Test("--output infers CSV or JSON from its extension and refuses one it does not know")
    func outputFormatFromExtension() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        #expect(
            try runner.run([
                "import", "metas", BinaryRunner.samples.appendingPathComponent("metas/metas-sosep-2022.csv").path,
            ]).status == 0)
        #expect(try runner.run(["report", "productos", "--output", "p.csv"]).status == 0)
        #expect(
            try String(contentsOf: directory.file("p.csv"), encoding: .utf8).hasPrefix(
                "ejercicio,mes,entidad,direccion_codigo"))
        #expect(try runner.run(["report", "productos", "--output", "p.json"]).status == 0)
        #expect(
            try String(contentsOf: directory.file("p.json"), encoding: .utf8).hasPrefix("[\n  {\"ejercicio\": 2022"))
        let refused = try runner.run(["report", "productos", "--output", "p.xls"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("use una extensión .csv o .json"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("p.xls").path))
    }

    @Test("a mistyped subcommand is named, with the likely one and the list, not blamed on an option")
    func unknownSubcommand() throws {
        let result = try BinaryRunner.run(["report", "grupo", "--year", "2022"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("«transparencia report» no tiene el subcomando «grupo». ¿Quiso decir «grupos»?"))
        #expect(!result.stderr.contains("--year"))
        let top = try BinaryRunner.run(["reprot"])
        #expect(top.stderr.contains("¿Quiso decir «report»?"))
    }

    @Test("what the argument parser prints is Spanish: help headings, built-in flags, usage errors")
    func parserInSpanish() throws {
        let help = try BinaryRunner.run(["report", "grupos", "--help"])
        #expect(help.status == 0)
        for english in ["OVERVIEW:", "USAGE:", "OPTIONS:", "Show help information", "(default:"] {
            #expect(!help.stdout.contains(english), "\(english) in help")
        }
        #expect(
            help.stdout.contains("USO:") && help.stdout.contains("OPCIONES:")
                && help.stdout.contains("Muestra esta ayuda."))
        // An option with a closed list of values prints both the values and the default.
        let export = try BinaryRunner.run(["export", "tablas", "--help"])
        #expect(
            export.stdout.contains("por omisión: abierto") && !export.stdout.contains("default:"), "\(export.stdout)")
        let extra = try BinaryRunner.run(["report", "grupos", "uno", "dos", "tres"])
        #expect(extra.status == 2)
        #expect(extra.stderr.contains("3 argumentos inesperados"))
        #expect(!extra.stderr.contains("unexpected"))
    }

    @Test("help examples never wrap in the middle of a command at 80 columns")
    func examplesDoNotWrap() throws {
        var pending = [[String]()]
        var checked = 0
        while let path = pending.popLast() {
            let help = try BinaryRunner.run(path + ["--help"], environment: ["COLUMNS": "80"]).stdout
            var inExamples = false
            for line in help.components(separatedBy: "\n") {
                if line.hasPrefix("Ejemplo") {
                    inExamples = true
                    continue
                }
                if inExamples && line.isEmpty {
                    inExamples = false
                    continue
                }
                guard inExamples else { continue }
                #expect(line.hasPrefix("  transparencia ") || line.hasPrefix("  #"), "«\(line)» in \(path)")
                checked += 1
            }
            pending += Self.subcommands(in: help).map { path + [$0] }
        }
        #expect(checked > 30, "every command's examples were read")
    }

    /// The names listed under SUBCOMANDOS in a help text.
    private static func subcommands(in help: String) -> [String] {
        guard let section = help.components(separatedBy: "SUBCOMANDOS:").dropFirst().first else { return [] }
        return section.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "help" }
    }

    @Test("the demo prints each command so it can be pasted into a shell")
    func demoQuotes() throws {
        let result = try BinaryRunner.run(["demo", "--dry-run", "--samples", BinaryRunner.samples.path])
        #expect(result.stderr.contains("--modality 'compra directa'"))
    }

    @Test("a year mismatch on every row prints the problem once, a few examples and how many more")
    func repeatedDiagnosticsGrouped() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        var text = "ejercicio,entidad,programa,actividad,renglon,asignado,vigente,devengado,pagado\n"
        for index in 0..<94 {
            text += "2022,11130016,11,\(String(format: "%03d", 1 + index)),211,2.00,2.00,1.00,0.00\n"
        }
        try directory.write("malo.csv", text: text)
        let result = try runner.run(["import", "ejecucion", "--year", "2021", "malo.csv"])
        #expect(result.status == 2)
        let errorLines = result.stderr.components(separatedBy: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count <= 5, "\(result.stderr)")
        #expect(result.stderr.contains("… y 91 más como este: líneas"))
    }

    @Test("repaired values are explained: which field, an example, and where to see them all")
    func repairsExplained() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let result = try runner.run([
            "import", "compras", BinaryRunner.samples.appendingPathComponent("compras/compras-sosep-2022.csv").path,
        ])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "reparados: «DESCRIPCIÓN» 1 (p. ej. «REPARACIÃ“N DE MOBILIARIO DE OFICINA» → «REPARACIÓN DE MOBILIARIO DE OFICINA»)"
            ))
        #expect(result.stderr.contains("todos en `transparencia report diagnosticos --run 1`"))
        let stored = try runner.run(["report", "diagnosticos", "--run", "1", "--format", "csv"])
        #expect(
            stored.stdout.contains(
                "valor reparado: «REPARACIÃ“N DE MOBILIARIO DE OFICINA» → «REPARACIÓN DE MOBILIARIO DE OFICINA»"))
    }

    @Test("the old spellings still work: fetch --out, report --unit and --totales, export TABLE")
    func oldSpellings() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        #expect(
            try runner.run(["fetch", "guatecompras", "--year", "2024", "--month", "3", "--dry-run", "--out", "datos"])
                .stderr.contains("→ datos/"))
        #expect(
            try runner.run(["report", "compras", "--unit", "436-2", "--totales", "estado", "--format", "csv"]).status
                == 0)
        #expect(try runner.run(["report", "grupos", "--entidad", "11130016"]).status == 0)
        #expect(try runner.run(["export", "productos", "--dry-run"]).stderr.contains("productos.csv"))
    }

    @Test("check on an empty ledger says there was nothing to check")
    func checkWithoutData() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let result = try runner.run(["check"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("sin datos: ninguna verificación tuvo qué examinar"))
        #expect(result.stdout.contains("[sin datos]"))
    }
}
