import ArgumentParser
import Publishing

/// `transparencia report diagnosticos --run N`: what an import stored about its rows.
struct ReportDiagnosticosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnosticos",
        abstract: "Filas rechazadas, advertencias y valores reparados que guardó una importación.",
        discussion: HelpText.reflow(
            """
            El número de corrida lo dice cada importación al terminar y lo lista `report importaciones`.

            Ejemplos:
              transparencia report diagnosticos --run 3
              transparencia report diagnosticos --run 3 --output rechazos.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp("Número de la importación (por omisión, la última).", valueName: "n"))
    var importRun: Int64?

    func run() throws {
        let datasets = Datasets(ledger: try ledgerOptions.openLedger())
        let profile = try ledgerOptions.loadProfile()
        try output.emit(try datasets.table(.diagnosticos, scope: DatasetScope(importRun: importRun, profile: profile)))
    }
}
