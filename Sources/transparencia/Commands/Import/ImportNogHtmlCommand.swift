import ArgumentParser
import Domain

/// `transparencia import nog-html FILE…`: NOG detail pages saved from guatecompras.gt.
struct ImportNogHtmlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nog-html",
        abstract: "Importa páginas de detalle de NOG guardadas desde guatecompras.gt.",
        discussion: HelpText.reflow(
            """
            Lee las tres generaciones de la página (2014–2017, 2018 y 2019 en adelante) en cualquier \
            codificación con la que el navegador la haya guardado. Toma NOG, descripción, modalidad, \
            entidad, unidad compradora, estatus, fechas de publicación y adjudicación, y los proveedores \
            adjudicados con NIT y monto (los oferentes no son proveedores). Si la página se guardó sin la \
            pestaña de adjudicación, los proveedores quedan como desconocidos y se conservan los ya \
            registrados. Cada archivo es todo o nada; un archivo que no es una página de NOG da código 2.

            Ejemplos:
              transparencia import nog-html Samples/compras/nog-17471637.html
              transparencia import nog-html --dry-run paginas/*.html
            """)
    )

    @Argument(help: ArgumentHelp("Páginas HTML guardadas (una por NOG).", valueName: "archivo"))
    var files: [String]

    @OptionGroup var flags: ImportFlags
    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags).run(files, kind: .nogHTML)
    }
}
