import ArgumentParser
import Importers

/// `transparencia import resumen FILE`: a published summary table with declared percentages.
struct ImportResumenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resumen",
        abstract: "Importa un cuadro resumen publicado (producto, monto, porcentaje declarado) para verificarlo.",
        discussion: """
            Columnas: ejercicio, producto, producto_codigo (opcional), monto, porcentaje_declarado.
            La fila cuyo producto empieza con «TOTAL» es la fila de total. Los montos y porcentajes se
            copian tal como se publicaron; `transparencia check` los recalcula.

            Ejemplo:
              transparencia import resumen Samples/resumen/tabla2-sosep-2022.csv
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var importOptions: ImportOptions

    @Argument(help: ArgumentHelp("Archivos de resumen (.csv).", valueName: "archivo"))
    var files: [String]

    func run() async throws {
        guard try ImportRunner.resumen(files, options: importOptions, ledger: ledgerOptions.openLedger()) else {
            throw ExitCode(2)
        }
    }
}
