import ArgumentParser
import Publishing

/// `transparencia report adjudicaciones`: the adjudicaciones table, the same rows `transparencia export` publishes.
struct ReportAdjudicacionesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjudicaciones",
        abstract: "Adjudicaciones: una fila por proveedor adjudicado en cada NOG, con monto, fecha y estado.",
        discussion: HelpText.reflow(
            """
            Los proveedores personas individuales se muestran aquí (el libro es del usuario); `transparencia export` no
            los publica salvo que el perfil lo permita (sección [laip]).

            Ejemplos:
              transparencia report adjudicaciones --year 2022
              transparencia report adjudicaciones --output adjudicaciones.csv
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
        try output.emit(try datasets.table(.adjudicaciones, scope: datasetScope))
    }
}
