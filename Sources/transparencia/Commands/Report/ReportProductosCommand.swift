import ArgumentParser
import Publishing

/// `transparencia report productos`: products and subproducts with metas, budget and shares.
struct ReportProductosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "productos",
        abstract: "Productos y subproductos por dirección: unidad, meta física, presupuesto vigente y porcentaje.",
        discussion: HelpText.reflow(
            """
            Ejemplos:
              transparencia report productos --year 2022
              transparencia report productos --year 2022 --output productos.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ReportRunner(ledgerOptions: ledgerOptions, output: output).emit(
            .productos, scope: scope, screenColumns: ProductsTable.screenColumns)
    }
}
