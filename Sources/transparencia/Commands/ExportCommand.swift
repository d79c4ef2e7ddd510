import ArgumentParser
import Foundation
import Publishing

/// `transparencia export`: writes open-data files (CSV and JSON) for a table.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporta tablas como datos abiertos (CSV UTF-8 y JSON) a una carpeta.",
        discussion: """
            Tablas: productos.

            Ejemplo:
              transparencia export productos --year 2022 --output salida
            """
    )

    enum Dataset: String, CaseIterable, ExpressibleByArgument {
        case productos
    }

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions

    @Argument(help: "Tabla a exportar.")
    var dataset: Dataset

    @Option(name: .long, help: ArgumentHelp("Carpeta de salida.", valueName: "carpeta"))
    var output = "salida"

    @Flag(name: .long, help: "Muestra qué se escribiría sin escribir nada.")
    var dryRun = false

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let profile = try ledgerOptions.loadProfile()
        let table: DataTable
        switch dataset {
        case .productos: table = try ProductsReport.table(ledger: ledger, profile: profile, scope: scope)
        }
        let directory = URL(fileURLWithPath: output)
        if dryRun {
            Terminal.note("Se escribirían \(table.rows.count) filas en \(directory.path)/\(table.name).csv y .json")
            return
        }
        for url in try DatasetWriter.write(table, to: directory) {
            Terminal.note("Escrito \(url.path) (\(table.rows.count) filas)")
        }
    }
}
