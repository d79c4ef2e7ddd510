import ArgumentParser
import Domain
import Importers

/// `transparencia import vinculos FILE…`: files that tie purchases (NOG/NPG, CUR) to budget lines.
struct ImportVinculosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vinculos",
        abstract: "Importa archivos que vinculan compras con el presupuesto (ejecución por insumo o CUR).",
        discussion: HelpText.reflow(
            """
            Acepta la ejecución por insumo (`ejecucion_insumo_detalle`: NOG, NPG, programa, actividad, renglón,
            NIT, monto devengado, fecha) y archivos de CUR (NO_CUR, NOG, clase de registro, NIT, monto, fecha
            aprobado; fechas mes/día/año). Las filas se guardan como evidencia para los vínculos del libro.

            Ejemplos:
              transparencia import vinculos Samples/vinculos/vinculos-sosep-2022.csv
              transparencia import vinculos --year 2022 cur-2022.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var flags: ImportFlags

    @Option(
        name: .long,
        help: ArgumentHelp("Ejercicio fiscal, si el archivo no trae ejercicio ni fechas.", valueName: "año"))
    var year: Int?

    @Argument(help: ArgumentHelp("Archivos de vínculos (CSV).", valueName: "archivo"))
    var files: [String]

    func run() throws {
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags)
            .run(files, kind: .vinculos, options: ImportOptions(year: year))
    }
}
