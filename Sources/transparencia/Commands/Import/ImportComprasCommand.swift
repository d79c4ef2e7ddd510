import ArgumentParser
import Domain
import Importers

/// `transparencia import compras FILE…`: Guatecompras/MINFIN flat exports (CSV, XLSX, JSON).
struct ImportComprasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compras",
        abstract: "Importa exportaciones planas de compras (CSV, XLSX o JSON de Guatecompras/MINFIN).",
        discussion: HelpText.reflow(
            """
            Una fila por línea de adjudicación (un NOG puede repetirse con varios proveedores). Se aceptan \
            los encabezados NOG CONCURSO, NOG_CONCURSO o nogConcurso, con o sin tildes; CSV en UTF-8, \
            UTF-8 con BOM o Latin-1/Windows-1252 separado por coma, punto y coma o tabulador; montos con \
            comas de miles y prefijo Q.; fechas día/mes/año o mes/día/año (se decide por archivo y se \
            informa). El texto con doble codificación (NIÃ‘OS) se repara y se cuenta.

            Cada archivo es todo o nada: con errores no se importa (código 2) salvo con --allow-rejects. \
            Un NOG ya registrado se completa: lo que el archivo no dice se conserva.

            Ejemplos:
              transparencia import compras Samples/compras/compras-sosep-2022.csv
              transparencia import compras --sheet Adjudicaciones adjudicaciones.xlsx
              transparencia import compras --dry-run --date-order mes-dia descarga.csv
            """)
    )

    @Argument(help: ArgumentHelp("Archivos CSV, XLSX o JSON a importar.", valueName: "archivo"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Hoja del XLSX a leer (por defecto, la primera).", valueName: "nombre"))
    var sheet: String?

    @Option(
        name: .long, help: "Orden de las fechas numéricas; por defecto se decide con todos los valores del archivo.")
    var dateOrder: DateOrderArgument?

    @OptionGroup var flags: ImportFlags
    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags)
            .run(files, kind: .compras, options: ImportOptions(sheet: sheet, dateOrder: dateOrder?.order))
    }
}
