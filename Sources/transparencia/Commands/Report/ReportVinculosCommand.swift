import ArgumentParser
import Publishing

/// `transparencia report vinculos`: the vínculos table, the same rows `transparencia export` publishes.
struct ReportVinculosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vinculos",
        abstract:
            "Vínculos compra → producto (método, participación, monto y procedencia), o las compras sin vincular.",
        discussion: HelpText.reflow(
            """
            Los vínculos los crea `transparencia link`. Con --sin-vincular lista las compras que ningún vínculo cubre,
            con el motivo.

            Ejemplos:
              transparencia report vinculos --year 2022
              transparencia report vinculos --sin-vincular --output sin-vincular.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("sin-vincular"), help: "Las compras que ningún vínculo cubre, con el motivo.")
    var unlinked = false

    func run() throws {
        try ReportRunner(ledgerOptions: ledgerOptions, output: output)
            .emit(unlinked ? .comprasSinVincular : .vinculos, scope: scope)
    }
}
