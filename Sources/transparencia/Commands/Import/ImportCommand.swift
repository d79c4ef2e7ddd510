import ArgumentParser

/// `transparencia import <kind> FILE…`: one subcommand per source kind.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importa archivos al libro de datos (todo o nada por archivo).",
        discussion: HelpText.reflow(
            """
            Cada archivo se valida completo antes de escribir: si tiene errores no se importa nada y se
            muestran todos los problemas con archivo, línea y campo (código de salida 2). Importar dos
            veces el mismo archivo no cambia nada. --dry-run valida sin escribir; --allow-rejects importa las
            filas válidas y guarda las rechazadas con su motivo.

            Ejemplos:
              transparencia import metas Samples/metas/metas-sosep-2022.csv
              transparencia import ocds Samples/compras/ocds-sosep-2022.json
              transparencia import compras --dry-run compras-2022.xlsx
              transparencia import ejecucion Samples/ejecucion/ejecucion-sosep-2022.csv
            """),
        subcommands: [
            ImportMetasCommand.self,
            ImportResumenCommand.self,
            ImportOcdsCommand.self,
            ImportComprasCommand.self,
            ImportNogHtmlCommand.self,
            ImportEjecucionCommand.self,
            ImportVinculosCommand.self,
        ]
    )
}
