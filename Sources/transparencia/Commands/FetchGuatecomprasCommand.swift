import ArgumentParser
import Domain
import Fetch

extension GuatecomprasBulk.Format: ExpressibleByArgument {}

/// `transparencia fetch guatecompras`: the monthly bulk files of ocds.guatecompras.gt.
struct FetchGuatecomprasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guatecompras",
        abstract: "Descarga los archivos mensuales de Guatecompras (OCDS en JSON, o CSV/XLSX aplanados).",
        discussion: HelpText.reflow(
            """
            Cada mes es un ZIP servido en <base-url>/file/<formato>/<año>/<mes> (para JSON, un paquete \
            de registros OCDS «AAAA-MM_Guatecompras.json»). Sin --month se descargan todos los meses del \
            año hasta el actual, con --jobs descargas a la vez; los meses sin archivo publicado \
            (respuesta 204) se omiten con un aviso. Los meses se segmentan por fecha de publicación del \
            concurso: vuelva a descargar meses anteriores para recibir adjudicaciones posteriores (la \
            caché evita bajar de nuevo lo que no cambió).

            Ejemplos:
              transparencia fetch guatecompras --year 2024 --month 3 --output datos
              transparencia fetch guatecompras --year 2024 --format csv --jobs 3
              transparencia fetch guatecompras --year 2024 --month 3 --import
            """)
    )

    @Option(name: .long, help: ArgumentHelp("Año de publicación.", valueName: "año"))
    var year: Int

    @Option(name: .long, help: ArgumentHelp("Mes (1–12); sin él, todos los meses del año.", valueName: "mes"))
    var month: Int?

    @Option(name: .long, help: "Formato del archivo mensual.")
    var format: GuatecomprasBulk.Format = .json

    @Option(name: .long, help: ArgumentHelp("Dirección base del sitio de descargas.", valueName: "url"))
    var baseURL = GuatecomprasBulk.defaultBaseURL

    @Flag(name: .customLong("import"), help: "Importa cada mes descargado en el libro de datos (como OCDS).")
    var importAfterFetch = false

    // Every bulk format is OCDS (JSON packages or flatten-tool tables), so there is nothing to choose any more.
    @Option(name: .long, help: .hidden)
    var importKind: String?

    @OptionGroup var options: FetchOptions

    func run() async throws {
        let months = try GuatecomprasBulk.months(year: year, month: month)
        let bulk = GuatecomprasBulk(baseURL: baseURL)
        let requests = months.map { bulk.request(year: year, month: $0, format: format) }
        let kind: SourceKind? = importAfterFetch || importKind != nil ? .ocds : nil
        try await FetchRunner(options: options).run(requests, importKind: kind, skipNoContent: months.count > 1)
    }
}
