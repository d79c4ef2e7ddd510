import ArgumentParser
import Foundation
import Publishing

/// `transparencia export [tablas]`: every published table as CSV and JSON, with `datapackage.json`.
struct ExportTablesCommand: ParsableCommand {
    /// How CSV files are written (`--format-profile`; `--profile` is the institution's profile).
    enum FormatProfileArgument: String, CaseIterable, ExpressibleByArgument {
        case abierto, excel
    }

    static let configuration = CommandConfiguration(
        commandName: "tablas",
        abstract: "Exporta las tablas como datos abiertos (CSV UTF-8, JSON y datapackage.json) a una carpeta.",
        discussion: HelpText.reflow(
            """
            Sin --tables escribe todas: \(Dataset.published.map(\.rawValue).joined(separator: ", ")).
            Cada archivo tiene los mismos bytes que `transparencia report … --format csv|json`. Todo se escribe
            primero en una carpeta temporal y se publica solo si todo salió bien: si un valor parece un dato
            personal (DPI, teléfono, correo personal, persona individual) en una columna que el perfil no
            permite, no se publica nada (LAIP, Art. 9 y 22). --since compara con una publicación anterior y
            escribe cambios.csv y cambios.json.

            Ejemplos:
              transparencia export --year 2022 --output salida
              transparencia export --year 2022 --month 3 --output salida-marzo
              transparencia export --tables compras,adjudicaciones --jsonl
              transparencia export --format-profile excel --output para-excel
              transparencia export --output salida-nueva --since salida
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "CSV para herramientas de datos abiertos (abierto: «,» y punto decimal) o para Excel (excel: BOM, «;», "
                + "coma decimal y fórmulas neutralizadas).", valueName: "perfil"))
    var formatProfile: FormatProfileArgument = .abierto

    @Flag(name: .long, help: "JSON Lines (.jsonl, un objeto por línea) en lugar de un arreglo JSON (.json).")
    var jsonl = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Carpeta de una publicación anterior: escribe cambios.csv y cambios.json.", valueName: "carpeta"))
    var since: String?

    @Flag(name: .long, help: "Construye y verifica todo sin publicar nada.")
    var dryRun = false

    func validate() throws {
        _ = try selected()
    }

    private func selected() throws -> [Dataset] {
        let names = (tables?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []) + legacyTables
        guard !names.isEmpty else { return Dataset.published }
        return try names.map { name in
            let key = name.replacingOccurrences(of: "-", with: "_")
            guard let dataset = Dataset(rawValue: key), Dataset.published.contains(dataset) else {
                throw ValidationError(
                    "no hay una tabla «\(name)»; tablas: \(Dataset.published.map(\.rawValue).joined(separator: ", "))")
            }
            return dataset
        }
    }

    func run() throws {
        StepwiseMemory.prepare()
        let (datasets, datasetScope) = try ReportRunner(ledgerOptions: ledgerOptions, output: OutputOptions.parse([]))
            .context(scope)
        let request = ExportRequest(
            datasets: try selected(), scope: datasetScope, directory: URL(fileURLWithPath: output),
            format: formatProfile == .excel ? .excel : .abierto, jsonLines: jsonl,
            since: since.map { URL(fileURLWithPath: $0) }, created: ExportCommand.publicationDate,
            toolVersion: Transparencia.version, dryRun: dryRun)
        let summary = try DatasetExporter(datasets: datasets).run(request)
        for table in summary.tables {
            if let reason = table.emptyReason { Terminal.note("\(table.name): \(reason)") }
            for note in table.notes { Terminal.note(note) }
            let files = table.files.map { "\(output)/\($0)" }.joined(separator: " y ")
            Terminal.note("\(dryRun ? "se escribiría" : "escrito") \(files) (\(table.rows) filas)")
        }
        if let changes = summary.changes { Terminal.note("cambios desde \(since ?? ""): \(changes)") }
        Terminal.note(dryRun ? "simulación (--dry-run): no se escribió nada" : "escrito \(output)/datapackage.json")
    }
}
