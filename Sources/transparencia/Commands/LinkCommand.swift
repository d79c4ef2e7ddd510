import ArgumentParser
import Domain
import Foundation
import Importers
import Ledger
import Pipeline
import Publishing

/// `transparencia link`: ties each purchase to the product of the directorate it served.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Vincula cada compra (NOG) con el producto de la dirección al que sirvió.",
        discussion: HelpText.reflow(
            """
            Primero los vínculos manuales (--manual), luego la evidencia (archivos de `import vinculos` cuyo
            programa/actividad es de un solo producto de las metas) y después las reglas (--rules, TOML), en
            orden: la primera regla que coincide vincula. Lo demás queda sin vincular, con su motivo. Una compra
            que sirve a varios productos se reparte: las participaciones suman 1 y los montos suman lo
            adjudicado, al centavo (método de los restos mayores).

            Las reglas y los vínculos manuales se guardan en el libro y valen para las pasadas siguientes. Una
            pasada repetida solo decide las compras importadas o con evidencia nueva desde la anterior, y solo
            escribe las que cambian; --full decide todas otra vez.

            Ejemplos:
              transparencia link --year 2022
              transparencia link --rules Samples/vinculos/reglas-sosep-2022.toml
              transparencia link --manual Samples/vinculos/manuales-sosep-2022.csv
              transparencia link --rules reglas.toml --dry-run
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("Archivo de reglas (TOML) que se usará desde ahora.", valueName: "archivo"))
    var rules: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Archivo de vínculos manuales (CSV) que se guarda en el libro.", valueName: "archivo"))
    var manual: String?

    @Flag(name: .long, help: "Decide y cuenta todo, y dice qué cambiaría, sin escribir en el libro de datos.")
    var dryRun = false

    @Flag(name: .long, help: "Decide todas las compras del ejercicio, aunque nada haya cambiado.")
    var full = false

    func validate() throws {
        if scope.month != nil || scope.cuatrimestre != nil {
            throw ValidationError("link vincula el ejercicio entero: --month y --cuatrimestre no aplican")
        }
        for path in [rules, manual].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no existe el archivo «\(path)»")
        }
    }

    func run() throws {
        let ledger = try ledgerOptions.openLedger()
        let datasetScope = scope.scope(try ledgerOptions.loadProfile())
        let newestMetas = try ledger.metasYears().first
        guard let year = datasetScope.year ?? datasetScope.profile.ejercicio ?? newestMetas else {
            throw CommandError.message(
                "no hay metas en el libro: importe los productos con `transparencia import metas ARCHIVO` o indique --year"
            )
        }
        let request = LinkingRequest(
            scope: datasetScope.procurementScope(year: year), rulesFile: rules.map(URL.init(fileURLWithPath:)),
            manualFile: manual.map(URL.init(fileURLWithPath:)), dryRun: dryRun, full: full)
        do {
            let report = try LinkingRun(ledger: ledger, toolVersion: Transparencia.version).run(request)
            Terminal.printDiagnostics(report.diagnostics)
            Terminal.output(LinkReportPrinter.text(report))
        } catch let error as ImportError {
            if case .invalidFile(_, let diagnostics) = error { Terminal.printDiagnostics(diagnostics) }
            throw error
        } catch let error as LinkingError {
            Terminal.printDiagnostics(error.diagnostics)
            throw error
        }
    }
}
