import ArgumentParser
import Foundation

/// `transparencia demo`: the whole pipeline on `Samples/`, as the commands a user would type.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Recorre todo el flujo con los datos de ejemplo: init → import → link → check → report → export → publish.",
        discussion: HelpText.reflow(
            """
            Muestra y ejecuta, uno tras otro, los mismos comandos que escribiría un usuario, sobre los
            ejemplos de SOSEP 2022 (metas y su ejecución física, cuadro resumen, compras en CSV, XLSX, páginas de NOG y OCDS,
            ejecución presupuestaria y vínculos NOG → presupuesto), vincula cada compra con su producto
            (evidencia, reglas y un vínculo manual), concilia por producto y por grupo de gasto y sigue un NOG
            hasta su dirección; escribe el portal LAIP en SALIDA/sitio/. Usa el libro de datos por omisión
            (./transparencia.sqlite), así que los comandos que escriba después ven los mismos datos. Las
            verificaciones encuentran a propósito los errores de la Tabla 2 publicada (total de 10000 %).

            Ejemplos:
              transparencia demo
              transparencia demo --samples /ruta/a/Samples --output salida
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("Carpeta de ejemplos.", valueName: "carpeta"))
    var samples = "Samples"

    @Option(name: .long, help: ArgumentHelp("Carpeta de salida de las exportaciones.", valueName: "carpeta"))
    var output = "salida"

    @Flag(name: .long, help: "Muestra los comandos de la demo sin ejecutarlos.")
    var dryRun = false

    /// One command of the demo and the exit codes that do not stop it (checks fail on purpose).
    struct Step {
        var arguments: [String]
        var tolerated: Set<Int32> = []
    }

    /// The LAIP portal's folder, inside the output folder.
    var site: String { URL(fileURLWithPath: output).appendingPathComponent("sitio").relativePath }

    var steps: [Step] {
        func sample(_ path: String) -> String { URL(fileURLWithPath: samples).appendingPathComponent(path).path }
        return [
            Step(arguments: ["init", "--profile-from", sample("sosep.toml")]),
            Step(arguments: ["import", "metas", sample("metas/metas-sosep-2022.csv")]),
            Step(arguments: ["import", "metas", sample("metas/ejecucion-fisica-sosep-2022-08.csv")]),
            Step(arguments: ["import", "resumen", sample("resumen/tabla2-sosep-2022.csv")]),
            Step(arguments: ["import", "compras", sample("compras/compras-sosep-2022.csv")]),
            Step(arguments: ["import", "compras", "--dry-run", sample("compras/compras-sosep-2022.xlsx")]),
            Step(arguments: [
                "import", "nog-html", sample("compras/nog-17471637.html"), sample("compras/nog-16740804.html"),
            ]),
            Step(arguments: ["import", "ocds", sample("compras/ocds-sosep-2022.json")]),
            Step(arguments: ["import", "ejecucion", sample("ejecucion/ejecucion-sosep-2022.csv")]),
            Step(arguments: ["import", "vinculos", sample("vinculos/vinculos-sosep-2022.csv")]),
            Step(arguments: ["import", "vinculos", sample("vinculos/insumos-sosep-2022-complemento.csv")]),
            Step(arguments: [
                "link", "--year", "2022", "--rules", sample("vinculos/reglas-sosep-2022.toml"), "--manual",
                sample("vinculos/manuales-sosep-2022.csv"),
            ]),
            Step(arguments: ["reconcile", "--year", "2022", "--by", "producto"]),
            Step(arguments: ["reconcile", "--year", "2022", "--by", "grupo"]),
            Step(arguments: ["seguir", "17121890"]),
            Step(arguments: ["check", "--year", "2022"], tolerated: [1]),
            Step(arguments: ["report", "productos", "--year", "2022"]),
            Step(arguments: ["report", "grupos", "--year", "2022"]),
            Step(arguments: ["report", "actividades", "--year", "2022"]),
            Step(arguments: ["report", "compras", "--year", "2022", "--modality", "compra directa"]),
            Step(arguments: ["banderas", "--year", "2022"]),
            Step(arguments: ["export", "--year", "2022", "--output", output]),
            Step(arguments: ["publish", "--year", "2022", "--output", site]),
        ]
    }

    func validate() throws {
        guard
            FileManager.default.fileExists(
                atPath: URL(fileURLWithPath: samples).appendingPathComponent("sosep.toml").path)
        else {
            throw ValidationError("no se encontró la carpeta de ejemplos «\(samples)» (use --samples)")
        }
    }

    func run() async throws {
        let shared = ["--db", ledgerOptions.db, "--profile", ledgerOptions.profile]
        var failedChecks = false
        for step in steps {
            Terminal.note("\n$ transparencia \(ShellWords.join(step.arguments))")
            if dryRun { continue }
            do {
                try await Transparencia.runInProcess(step.arguments + shared)
            } catch let exit as ExitCode where step.tolerated.contains(exit.rawValue) {
                failedChecks = true
            } catch {
                Terminal.note("la demo se detuvo en este paso")
                throw error
            }
        }
        if dryRun { return }
        Terminal.note(
            """

            Listo. Libro de datos: \(ledgerOptions.db) · datos abiertos en \(output)/ · portal LAIP en \(site)/
            Abra el portal en un navegador: \(URL(fileURLWithPath: site).appendingPathComponent("index.html").path)
            (o sírvalo con `python3 -m http.server --directory \(site)` y abra http://localhost:8000/)
            \(failedChecks ? "Las verificaciones marcaron problemas en los ejemplos (esperado: la Tabla 2 publicada).\n" : "")\
            Siga con: transparencia report grupos --year 2022 --cuatrimestre 1
            """)
    }
}
