import ArgumentParser
import Publishing

/// `transparencia report proveedores`: the proveedores table, the same rows `transparencia export` publishes.
struct ReportProveedoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proveedores",
        abstract: "Proveedores (empresas) adjudicados: procesos, adjudicaciones y monto total.",
        discussion: HelpText.reflow(
            """
            Una fila por proveedor, identificado por su NIT o por el identificador de Guatecompras de un proveedor
            extranjero.

            Ejemplos:
              transparencia report proveedores --year 2022
              transparencia report proveedores --format json
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var filters: ProcurementFilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let runner = ReportRunner(ledgerOptions: ledgerOptions, output: output)
        var (datasets, datasetScope) = try runner.context(scope)
        datasetScope.buyingUnit = filters.unit
        datasetScope.modality = filters.modality
        try output.emit(try datasets.table(.proveedores, scope: datasetScope))
    }
}
