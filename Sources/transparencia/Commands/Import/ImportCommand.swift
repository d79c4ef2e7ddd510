import ArgumentParser

/// `transparencia import <kind> FILE…`: one subcommand per source kind.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importa archivos al libro de datos (todo o nada por archivo).",
        discussion: """
            Cada archivo se valida completo antes de escribir: si tiene errores no se importa nada y se
            muestran todos los problemas con archivo, línea y campo (código de salida 2). Importar dos
            veces el mismo archivo no cambia nada.
            """,
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
