import ArgumentParser

/// Options every importer shares.
struct ImportOptions: ParsableArguments {
    @Flag(name: .long, help: "Valida y reporta sin escribir en el libro de datos.")
    var dryRun = false

    @Flag(name: .long, help: "Importa las filas válidas y guarda las rechazadas con su motivo.")
    var allowRejects = false

    @Flag(name: .long, help: "Sin barra de progreso.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("URL de origen a registrar (lo pone `fetch --import`).", valueName: "url"))
    var sourceURL: String?

    @Option(name: .long, help: ArgumentHelp("ETag de origen a registrar (lo pone `fetch --import`).", valueName: "etag"))
    var etag: String?
}
