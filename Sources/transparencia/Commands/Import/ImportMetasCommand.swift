import ArgumentParser
import Importers
import Ledger

/// `transparencia import metas FILE…`: products and subproducts with metas físicas and budget.
struct ImportMetasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metas",
        abstract: "Importa productos y subproductos (metas físicas y financieras) desde CSV o JSON.",
        discussion: """
            Columnas del CSV (la primera fila es el encabezado; las líneas que empiezan con # antes de él son
            comentarios): \(MetasColumns.all.joined(separator: ", ")).
            nivel es «producto» o «subproducto»; un subproducto indica su producto en producto_padre.

            Ejemplo:
              transparencia import metas Samples/metas/metas-sosep-2022.csv
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var importOptions: ImportOptions

    @Argument(help: ArgumentHelp("Archivos de metas (.csv o .json).", valueName: "archivo"))
    var files: [String]

    func run() async throws {
        let runner = ImportRunner(kind: "metas", options: importOptions, ledger: try ledgerOptions.openLedger())
        let ok = try runner.run(files: files, parse: MetasImporter.parse) { ledger, parsed, source in
            try ledger.importMetas(
                parsed.value, source: source, toolVersion: Transparencia.version, rowsRead: parsed.rowsRead,
                diagnostics: parsed.diagnostics)
        }
        if !ok { throw ExitCode(2) }
    }
}
