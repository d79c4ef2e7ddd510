import ArgumentParser
import Publishing

/// `transparencia report compras`: imported procurement with its awards, and totals by modality and status.
struct ReportComprasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compras",
        abstract: "Lista las compras importadas con sus adjudicaciones y totales por modalidad y por estado.",
        discussion: HelpText.reflow(
            """
            Una línea por proceso (NOG) con su número de adjudicaciones, el monto adjudicado, el contrato y su
            plazo; los proveedores de cada adjudicación están en `transparencia export` (adjudicaciones.csv).
            Los montos no informados por la fuente quedan vacíos, nunca en cero, y los totales indican cuántas
            adjudicaciones no tienen monto. El año es el de publicación en hora de
            Guatemala. Sin --buying-unit se muestran las unidades compradoras del perfil (sección
            [guatecompras]); con un perfil en blanco, todas. En pantalla se ven la lista y los totales; en CSV
            y JSON, la lista, o los totales con --totals.

            Ejemplos:
              transparencia report compras --year 2022
              transparencia report compras --buying-unit 436-2 --modality cotizacion
              transparencia report compras --output compras-2022.csv
              transparencia report compras --totals modalidad --format json
            """)
    )

    /// Which totals table `--totals` asks for.
    enum TotalsKind: String, CaseIterable, ExpressibleByArgument {
        case modalidad, estado
    }

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var filters: ProcurementFilterOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "En lugar de la lista, los totales por modalidad o por estado.")
    var totals: TotalsKind?

    @Option(name: .customLong("totales"), help: .hidden)
    var legacyTotals: TotalsKind?

    /// The columns a terminal shows.
    static let screenColumns = [
        "nog", "fecha_publicacion", "modalidad_codigo", "estado", "adjudicaciones", "monto_adjudicado", "descripcion",
    ]

    func run() throws {
        let runner = ReportRunner(ledgerOptions: ledgerOptions, output: output)
        var (datasets, datasetScope) = try runner.context(scope)
        datasetScope.buyingUnit = filters.unit
        datasetScope.modality = filters.modality
        switch totals ?? legacyTotals {
        case .modalidad?: try output.emit(try datasets.table(.comprasPorModalidad, scope: datasetScope))
        case .estado?: try output.emit(try datasets.table(.comprasPorEstado, scope: datasetScope))
        case nil where output.resolvedFormat == .csv:
            // The listing streams; the totals tables are for the screen only.
            try output.emitCSV { try datasets.write(.compras, scope: datasetScope, to: $0) }
        case nil:
            let list = try datasets.table(.compras, scope: datasetScope)
            let screen = try [
                list.selecting(Self.screenColumns), datasets.table(.comprasPorModalidad, scope: datasetScope),
                datasets.table(.comprasPorEstado, scope: datasetScope),
            ].map { TextTableRenderer.render($0) }
            try output.emit(list, text: screen.joined(separator: "\n"))
        }
    }
}
