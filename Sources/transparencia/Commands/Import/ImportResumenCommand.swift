import ArgumentParser
import Domain

/// `transparencia import resumen FILE…`: a published summary table (amount and declared share per product).
struct ImportResumenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resumen",
        abstract: "Importa un cuadro resumen publicado (producto, monto y porcentaje declarado).",
        discussion: HelpText.reflow(
            """
            Columnas: ejercicio, producto, producto_codigo (opcional), monto, porcentaje_declarado. La fila cuyo
            producto empieza con «TOTAL» es el total. Los montos y porcentajes se copian tal como se publicaron
            (Q 29,634,540.00, 57%), para que las verificaciones juzguen el cuadro mismo.

            Ejemplo:
              transparencia import resumen Samples/resumen/tabla2-sosep-2022.csv
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var flags: ImportFlags

    @Argument(help: ArgumentHelp("Cuadros resumen (.csv).", valueName: "archivo"))
    var files: [String]

    func run() throws {
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags).run(files, kind: .resumen)
    }
}
