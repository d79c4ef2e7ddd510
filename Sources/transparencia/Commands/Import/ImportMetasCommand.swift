import ArgumentParser
import Domain
import Importers

/// `transparencia import metas FILE…`: products and subproducts with metas físicas and budget.
struct ImportMetasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metas",
        abstract: "Importa productos y subproductos (metas físicas y financieras) desde CSV o JSON.",
        discussion: HelpText.reflow(
            """
            Columnas del CSV (la primera fila es el encabezado; las líneas que empiezan con # antes de él son
            comentarios): \(MetasColumns.all.joined(separator: ", ")).
            nivel es «producto» o «subproducto»; un subproducto indica su producto en producto_padre.

            Ejemplo:
              transparencia import metas Samples/metas/metas-sosep-2022.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var flags: ImportFlags

    @Argument(help: ArgumentHelp("Archivos de metas (.csv o .json).", valueName: "archivo"))
    var files: [String]

    func run() throws {
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags).run(files, kind: .metas)
    }
}
