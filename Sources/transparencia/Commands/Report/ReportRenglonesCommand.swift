import ArgumentParser
import Publishing

/// `transparencia report renglones`: execution by renglón (objeto del gasto).
struct ReportRenglonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renglones",
        abstract: "Ejecución por renglón: asignado, vigente, comprometido, devengado, pagado y % de ejecución.",
        discussion: HelpText.reflow(
            """
            El nombre del renglón sale del catálogo incluido o, si no lo nombra, del archivo importado (de una copia
            sin daños); la columna origen_nombre dice cuál (catálogo / archivo).

            Ejemplos:
              transparencia report renglones --year 2022
              transparencia report renglones --year 2022 --month 6 --format json
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ReportRunner(ledgerOptions: ledgerOptions, output: output).emit(.ejecucionPorRenglon, scope: scope)
    }
}
