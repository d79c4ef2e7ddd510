import ArgumentParser
import Foundation
import Publishing

/// How a report is printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}

/// `--format` and `--output`, shared by reports.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Formato de salida.")
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("Escribe en este archivo en lugar de la salida estándar.", valueName: "ruta"))
    var output: String?

    /// Writes a table in the chosen format to `--output` or stdout. `text` replaces the aligned table
    /// rendering when a report reads better as prose (check results).
    func emit(_ table: DataTable, text: String? = nil) throws {
        let rendered: String
        switch format {
        // A table is for reading: prose reports (checks) carry data too, so they are made terminal-safe as well.
        case .table: rendered = text.map { TerminalText.sanitized($0, keepingNewlines: true) } ?? TextTableRenderer.render(table)
        case .csv: rendered = CSVTableWriter.render(table)
        case .json: rendered = JSONTableWriter.render(table)
        }
        guard let output else {
            Terminal.output(rendered)
            return
        }
        do {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw PublishingError.unwritable(path: output, cause: error.localizedDescription)
        }
    }
}
