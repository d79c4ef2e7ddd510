import ArgumentParser
import Domain
import Publishing

/// `transparencia seguir NOG`: one purchase from the process to the product and directorate it served.
struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seguir",
        abstract: "Sigue un NOG: proceso, adjudicaciones, presupuesto, productos, direcciones y verificaciones.",
        discussion: HelpText.reflow(
            """
            Muestra la modalidad, fechas, estado y comprador; las adjudicaciones y proveedores; las líneas
            presupuestarias a las que se cargó (evidencia); los productos y direcciones a los que sirvió, con
            participación y método; la meta física y la ejecución de esos productos; y cada hallazgo de las
            verificaciones que nombra el NOG. En CSV o JSON es la tabla `seguimiento`.

            Ejemplos:
              transparencia seguir 17121890
              transparencia seguir 16299514 --format json
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Número de Operación Guatecompras.", valueName: "NOG"))
    var nog: String

    func validate() throws {
        guard Procurement.isValidNOG(nog) else { throw ValidationError("«\(nog)» no es un NOG (solo dígitos)") }
    }

    func run() throws {
        let (datasets, baseScope) = try ReportRunner(ledgerOptions: ledgerOptions, output: output).context(scope)
        var datasetScope = baseScope
        datasetScope.nog = nog
        let view = try datasets.follow(datasetScope)
        guard view.found else {
            throw CommandError.message(
                "el NOG \(nog) no está en el libro de datos; impórtelo con `transparencia import`")
        }
        try output.emit(view.table, text: view.text)
    }
}
