import ArgumentParser
import Ledger
import Publishing

/// `transparencia report productos`: products and subproducts with metas, budget and shares.
struct ReportProductosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "productos",
        abstract: "Productos y subproductos por dirección: unidad, meta física, presupuesto vigente y porcentaje.",
        discussion: """
            Ejemplos:
              transparencia report productos --year 2022
              transparencia report productos --year 2022 --format csv --output productos.csv
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let profile = try ledgerOptions.loadProfile()
        let table = try ProductsReport.table(ledger: ledger, profile: profile, scope: scope)
        try output.emit(table, text: output.format == .table ? TextTableRenderer.render(table.selecting(ProductsTable.screenColumns)) : nil)
    }
}
