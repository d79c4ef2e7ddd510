import ArgumentParser
import Domain
import Fetch

/// `transparencia fetch URL…`: downloads any http/https addresses.
struct FetchURLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "url",
        abstract: "Descarga una o varias URL (es el subcomando por omisión: `fetch URL…`).",
        discussion: HelpText.reflow(
            """
            Ejemplos:
              transparencia fetch https://ejemplo.gt/ejecucion.csv --output datos
              transparencia fetch https://ejemplo.gt/ejecucion.csv --import ejecucion
            """)
    )

    @Argument(help: ArgumentHelp("Direcciones http o https a descargar.", valueName: "url"))
    var urls: [String]

    @Option(
        name: .customLong("import"),
        help: ArgumentHelp(
            "Importa cada archivo descargado como este tipo (\(SourceKind.allCases.map(\.commandName).joined(separator: ", "))), registrando la URL y el ETag.",
            valueName: "tipo"))
    var importKind: String?

    @OptionGroup var options: FetchOptions

    func validate() throws {
        guard !urls.isEmpty else { throw ValidationError("indique al menos una URL") }
        if let importKind, SourceKind(commandName: importKind) == nil {
            let kinds = SourceKind.allCases.map(\.commandName).joined(separator: ", ")
            throw ValidationError(
                "no existe el importador «\(importKind)» (disponibles: \(kinds)); descargue sin --import")
        }
    }

    func run() async throws {
        let requests = urls.map { FetchRequest(url: $0) }
        try await FetchRunner(options: options)
            .run(requests, importKind: importKind.flatMap(SourceKind.init(commandName:)), skipNoContent: false)
    }
}
