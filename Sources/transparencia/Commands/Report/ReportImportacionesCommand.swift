import ArgumentParser
import Publishing

/// `transparencia report importaciones`: every file imported, with its provenance.
struct ReportImportacionesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importaciones",
        abstract: "Lista los archivos importados: tipo, nombre, SHA-256, URL, fecha y filas.",
        discussion: HelpText.reflow(
            """
            Ejemplos:
              transparencia report importaciones
              transparencia report importaciones --output importaciones.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ReportRunner(ledgerOptions: ledgerOptions, output: output).emit(
            .importaciones, scope: scope,
            screenColumns: [
                "corrida", "tipo", "archivo", "fecha", "filas_leidas", "filas_aceptadas", "filas_rechazadas",
            ])
    }
}
