import ArgumentParser
import Foundation

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

    /// When the publication is dated: now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when set, the
    /// reproducible-builds convention, so two runs on the same data write the same bytes.
    static var publicationDate: Date {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
            .map(Date.init(timeIntervalSince1970:)) ?? Date()
    }
}
