import ArgumentParser
import Publishing

/// `transparencia reconcile`: execution beside the purchases linked to it.
struct ReconcileCommand: ParsableCommand {
    /// What the reconciliation adds up by.
    enum Grouping: String, CaseIterable, ExpressibleByArgument {
        case producto, grupo, renglon, mes

        var dataset: Dataset {
            switch self {
            case .producto: .conciliacionPorProducto
            case .grupo: .conciliacionPorGrupo
            case .renglon: .conciliacionPorRenglon
            case .mes: .conciliacionPorMes
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Concilia la ejecución con las compras vinculadas, por producto, grupo, renglón o mes.",
        discussion: HelpText.reflow(
            """
            Por cada clave: vigente, comprometido, devengado y pagado; las compras vinculadas (cuántas, monto
            adjudicado y contratado) y las diferencias vigente − adjudicado y devengado − adjudicado. Dos líneas
            nunca se ocultan: las compras sin vincular y la ejecución sin compra vinculada (la misma ejecución
            vista de otro modo: no se suma). Las filas `clave` y `sin_clave` suman la ejecución importada y, con
            las compras sin vincular, el monto adjudicado importado. Con --month o --cuatrimestre cuentan las
            compras adjudicadas en el período y el devengado del período.

            Ejemplos:
              transparencia reconcile --year 2022 --by producto
              transparencia reconcile --year 2022 --by grupo --cuatrimestre 1
              transparencia reconcile --by renglon --format csv --output c.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Agrupar por producto, grupo, renglon o mes.", valueName: "clave"))
    var by: Grouping = .producto

    func run() throws {
        // On screen the product's and directorate's long names give way to the amounts; CSV and JSON have all.
        let runner = ReportRunner(ledgerOptions: ledgerOptions, output: output)
        let (datasets, datasetScope) = try runner.context(scope)
        let table = try datasets.table(by.dataset, scope: datasetScope)
        let hidden: Set<String> = by == .producto ? ["nombre", "direccion"] : []
        let screen = TextTableRenderer.render(
            table.selecting(table.columns.map(\.name).filter { !hidden.contains($0) }))
        try output.emit(table, text: screen)
    }
}
