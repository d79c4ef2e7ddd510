import ArgumentParser

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
}
