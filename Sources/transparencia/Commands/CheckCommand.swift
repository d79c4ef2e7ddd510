import ArgumentParser
import Checks
import Publishing

/// `transparencia check`: runs the named integrity checks.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verifica la integridad de los datos del libro (sale con 1 si alguna verificación falla).",
        discussion: HelpText.reflow(
            """
            Cada verificación tiene un identificador estable; --only filtra por prefijo. Una verificación que
            no tuvo nada que examinar dice «sin datos»: no falla, pero tampoco asegura nada.
            Verificaciones: \(CheckCatalog.all.map(\.id).joined(separator: ", ")).

            Ejemplos:
              transparencia check
              transparencia check --year 2022 --only resumen
              transparencia check --format json
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, parsing: .upToNextOption, help: "Solo las verificaciones cuyo id empieza así.")
    var only: [String] = []

    func run() throws {
        StepwiseMemory.prepare()
        let (datasets, datasetScope) = try ReportRunner(ledgerOptions: ledgerOptions, output: output).context(scope)
        let results = try datasets.checkResults(datasetScope, only: only)
        if results.allSatisfy({ $0.examined == 0 }) {
            Terminal.note(
                "sin datos: ninguna verificación tuvo qué examinar; importe metas, ejecución o compras primero")
        }
        if output.resolvedFormat == .csv {
            // Streamed like a listing: a national year's checks find a hundred thousand things.
            try output.emitCSV { try CheckTable.write(results, to: $0) }
        } else {
            try output.emit(CheckTable.table(results), text: CheckReport.text(results))
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
