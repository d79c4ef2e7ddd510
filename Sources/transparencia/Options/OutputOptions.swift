import ArgumentParser
import Formats
import Foundation
import Publishing

/// How a report is printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json
}

/// `--format` and `--output`, shared by reports.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Formato de salida (por omisión table en pantalla, o el de la extensión de --output).", valueName: "formato"
        ))
    var format: OutputFormat?

    @Option(
        name: .long,
        help: ArgumentHelp("Escribe en este archivo (.csv o .json) en lugar de la salida estándar.", valueName: "ruta"))
    var output: String?

    func validate() throws {
        guard let output, format == nil else { return }
        guard Self.inferred(from: output) != nil else {
            throw ValidationError(
                "no sé en qué formato escribir «\(output)»: use una extensión .csv o .json, o indique --format")
        }
    }

    /// The format to write: `--format`, else the one `--output`'s extension names, else a table on screen.
    var resolvedFormat: OutputFormat {
        format ?? output.flatMap(Self.inferred(from:)) ?? .table
    }

    private static func inferred(from path: String) -> OutputFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": .csv
        case "json": .json
        case "txt": .table
        default: nil
        }
    }

    /// Writes a CSV table to `--output` or stdout as `produce` streams its rows (same bytes as ``emit(_:text:)``),
    /// so a listing of a national year is never held whole; the file appears only once complete.
    func emitCSV(_ produce: (any TableSink) throws -> Void) throws {
        var sink: CSVStreamSink
        if let output {
            let url = URL(fileURLWithPath: output)
            let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).parcial")
            guard FileManager.default.createFile(atPath: partial.path, contents: nil),
                let handle = try? FileHandle(forWritingTo: partial)
            else {
                throw PublishingError.unwritable(path: output, cause: "no se pudo crear el archivo")
            }
            do {
                defer { try? handle.close() }
                sink = CSVStreamSink(handle: handle)
                try produce(sink)
                // rename(2) replaces an earlier file in one step: readers see the old table or the new one.
                guard rename(partial.path, url.path) == 0 else {
                    throw PublishingError.unwritable(path: output, cause: String(cString: strerror(errno)))
                }
            } catch {
                try? FileManager.default.removeItem(at: partial)
                if error is PublishingError { throw error }
                throw PublishingError.unwritable(path: output, cause: SystemErrorText.describe(error))
            }
        } else {
            sink = CSVStreamSink(handle: FileHandle.standardOutput)
            try produce(sink)
        }
        if let reason = sink.footing?.emptyReason { Terminal.note(reason) }
    }

    /// Writes a table in the chosen format to `--output` or stdout. `text` replaces the aligned table on screen
    /// when a report reads better otherwise (check results, several tables); an empty table's reason goes to
    /// stderr, never into the data.
    func emit(_ table: DataTable, text: String? = nil) throws {
        if let reason = table.emptyReason { Terminal.note(reason) }
        try write(rendered(table, text: text))
    }

    /// The text ``emit(_:text:)`` writes, without writing it (nor noting an empty table's reason): for a command
    /// that renders while it does something else and writes only once that succeeded.
    func rendered(_ table: DataTable, text: String? = nil) -> String {
        switch resolvedFormat {
        // A table is for reading: prose reports (checks) carry data too, so they are made terminal-safe as well.
        case .table:
            text.map { TerminalText.sanitized($0, keepingNewlines: true) } ?? TextTableRenderer.render(table)
        case .csv: CSVTableWriter.render(table)
        case .json: JSONTableWriter.render(table)
        }
    }

    /// Writes text rendered by ``rendered(_:text:)`` to `--output` or stdout.
    func write(_ rendered: String) throws {
        guard let output else {
            Terminal.output(rendered)
            return
        }
        do {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw PublishingError.unwritable(path: output, cause: SystemErrorText.describe(error))
        }
    }
}
