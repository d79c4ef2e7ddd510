import ArgumentParser
import Publishing

/// `transparencia report grupos`: execution by expense group (000 Servicios personales … 900).
struct ReportGruposCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grupos",
        abstract: "Ejecución por grupo de gasto: asignado, vigente, comprometido, devengado, pagado y % de ejecución.",
        discussion: HelpText.reflow(
            """
            Usa el corte más reciente de cada línea presupuestaria. Con --month o --cuatrimestre añade el devengado
            del período y el acumulado hasta su fin (requiere devengado mensual en el archivo importado).

            Ejemplos:
              transparencia report grupos --year 2022
              transparencia report grupos --cuatrimestre 1 --output grupos-c1.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ReportRunner(ledgerOptions: ledgerOptions, output: output).emit(.ejecucionPorGrupo, scope: scope)
    }
}
