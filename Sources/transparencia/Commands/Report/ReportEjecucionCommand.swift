import ArgumentParser
import Publishing

/// `transparencia report ejecucion`: the ejecución por línea table, the same rows `transparencia export` publishes.
struct ReportEjecucionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ejecucion",
        abstract: "Ejecución por línea presupuestaria: clave completa, asignado, modificaciones, vigente y devengado.",
        discussion: HelpText.reflow(
            """
            Una fila por línea (entidad, unidad ejecutora, estructura programática, renglón, fuente, organismo,
            correlativo y ubicación geográfica) con adiciones, disminuciones y traspasos cuando el archivo los trae.

            Ejemplos:
              transparencia report ejecucion --year 2022 --output ejecucion.csv
              transparencia report ejecucion --month 6 --format json
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ReportRunner(ledgerOptions: ledgerOptions, output: output).emit(.ejecucion, scope: scope)
    }
}
