import ArgumentParser
import Publishing

/// `transparencia report actividades`: execution by program/activity, with the metas product of each.
struct ReportActividadesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actividades",
        abstract: "Ejecución por programa/actividad, con el producto de las metas al que corresponde cada una.",
        discussion: HelpText.reflow(
            """
            La correspondencia actividad ↔ producto es la estructura presupuestaria que declara el archivo de metas
            (entidad, unidad ejecutora, programa, subprograma, proyecto, actividad, obra). Una actividad sin
            producto se muestra con el producto vacío.

            Ejemplos:
              transparencia report actividades --year 2022
              transparencia report actividades --year 2022 --cuatrimestre 2 --format csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ReportRunner(ledgerOptions: ledgerOptions, output: output).emit(.ejecucionPorActividad, scope: scope)
    }
}
