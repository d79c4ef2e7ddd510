import ArgumentParser
import Domain
import Importers

/// `transparencia import metas FILE…`: products and subproducts with metas físicas and budget, and the
/// executed goals reported to a cut-off month.
struct ImportMetasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metas",
        abstract: "Importa productos y subproductos (metas físicas y financieras) y su ejecución física.",
        discussion: HelpText.reflow(
            """
            Columnas del CSV (la primera fila es el encabezado; las líneas que empiezan con # antes de él son
            comentarios): \(MetasColumns.all.joined(separator: ", ")).
            nivel es «producto» o «subproducto»; un subproducto indica su producto en producto_padre.

            Meta física ejecutada (como la reportan SIGES/SICOIN): una columna con la cantidad acumulada al
            corte (\(MetasColumns.executedAliases.joined(separator: ", "))) o columnas mensuales (enero …
            diciembre), que se suman hasta el mes de corte. El mes de corte lo da una columna
            (\(MetasColumns.cutoffAliases.joined(separator: ", "))), --month, o el último mes con datos.
            Puede venir junto a las metas programadas o en un archivo aparte con ejercicio, codigo y la
            ejecución (sus productos deben estar ya importados). Cada corte se conserva; importar otra vez
            el mismo corte reemplaza sus cantidades.

            Ejemplos:
              transparencia import metas Samples/metas/metas-sosep-2022.csv
              transparencia import metas --month 8 ejecucion-fisica-agosto.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var flags: ImportFlags

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Ejercicio fiscal, si el archivo de ejecución no trae columna de ejercicio.", valueName: "año"))
    var year: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Mes de corte (1 a 12) de la meta física ejecutada del archivo.", valueName: "n"))
    var month: Int?

    // The Spanish spellings, for scripts that use them.
    @Option(name: .customLong("corte"), help: .hidden)
    var legacyCutoff: Int?

    @Option(name: .customLong("mes"), help: .hidden)
    var legacyMonth: Int?

    @Argument(help: ArgumentHelp("Archivos de metas (.csv o .json).", valueName: "archivo"))
    var files: [String]

    private var cutoff: Int? { month ?? legacyCutoff ?? legacyMonth }

    func validate() throws {
        if let cutoff, !(1...12).contains(cutoff) { throw ValidationError("--month debe estar entre 1 y 12") }
    }

    func run() throws {
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags).run(
            files, kind: .metas, options: ImportOptions(year: year, month: cutoff))
    }
}
