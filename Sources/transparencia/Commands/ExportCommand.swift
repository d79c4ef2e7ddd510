import ArgumentParser
import Foundation
import Publishing

/// `transparencia export`: writes the open-data tables (CSV and JSON) into a folder.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporta las tablas como datos abiertos (CSV UTF-8 y JSON) a una carpeta.",
        discussion: HelpText.reflow(
            """
            Sin --tables escribe todas: \(Dataset.published.map(\.rawValue).joined(separator: ", ")).
            Cada archivo tiene los mismos bytes que `transparencia report … --format csv|json`.

            Ejemplos:
              transparencia export --year 2022 --output salida
              transparencia export --tables productos,compras --output salida
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("Tablas a escribir, separadas por comas.", valueName: "tablas"))
    var tables: String?

    // `export productos` named one table as an argument before --tables existed.
    @Argument(help: .hidden)
    var legacyTables: [String] = []

    @Option(name: .long, help: ArgumentHelp("Carpeta de salida.", valueName: "carpeta"))
    var output = "salida"

    @Flag(name: .long, help: "Muestra qué se escribiría sin escribir nada.")
    var dryRun = false

    func validate() throws {
        _ = try selected()
    }

    private func selected() throws -> [Dataset] {
        let names = (tables?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []) + legacyTables
        guard !names.isEmpty else { return Dataset.published }
        return try names.map { name in
            guard let dataset = Dataset(rawValue: name) ?? Dataset(rawValue: name.replacingOccurrences(of: "-", with: "_"))
            else {
                throw ValidationError(
                    "no hay una tabla «\(name)»; tablas: \(Dataset.published.map(\.rawValue).joined(separator: ", "))")
            }
            return dataset
        }
    }

    func run() throws {
        let (datasets, datasetScope) = try ReportRunner(ledgerOptions: ledgerOptions, output: OutputOptions.parse([]))
            .context(scope)
        let directory = URL(fileURLWithPath: output)
        for dataset in try selected() {
            let table = try datasets.table(dataset, scope: datasetScope)
            if dryRun {
                Terminal.note("se escribirían \(table.rows.count) filas en \(directory.path)/\(table.name).csv y .json")
                continue
            }
            for url in try DatasetWriter.write(table, to: directory) {
                Terminal.note("escrito \(url.path) (\(table.rows.count) filas)")
            }
        }
    }
}
