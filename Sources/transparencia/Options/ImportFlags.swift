import ArgumentParser

/// Flags every importer shares: what an import may do with a file.
struct ImportFlags: ParsableArguments {
    @Flag(name: .long, help: "Lee y valida todo y dice qué cambiaría, sin escribir en el libro de datos.")
    var dryRun = false

    @Flag(name: .long, help: "Importa las filas válidas y guarda las rechazadas con su motivo.")
    var allowRejects = false

    @Flag(name: .long, help: "Sin línea de progreso ni avisos (los errores se muestran siempre).")
    var quiet = false

    // Kept for scripts written when `fetch --import` passed provenance on the command line.
    @Option(name: .long, help: .hidden)
    var sourceURL: String?

    @Option(name: .long, help: .hidden)
    var etag: String?
}
