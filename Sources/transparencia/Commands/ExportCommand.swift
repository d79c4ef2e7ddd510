import ArgumentParser

/// `transparencia export`: open data. Without a subcommand it writes the tables (`export tablas`); `export ocds`
/// writes the procurement as an OCDS record package.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Publica datos abiertos: las tablas (CSV, JSON y datapackage.json) o las compras en OCDS.",
        discussion: HelpText.reflow(
            """
            Sin subcomando escribe las tablas (export tablas); export ocds escribe un paquete de registros OCDS.

            Ejemplos:
              transparencia export --year 2022 --output salida
              transparencia export --format-profile excel --output salida-excel
              transparencia export ocds --year 2022 --output salida/ocds-2022.json
            """),
        subcommands: [ExportTablesCommand.self, ExportOcdsCommand.self],
        defaultSubcommand: ExportTablesCommand.self
    )
}
