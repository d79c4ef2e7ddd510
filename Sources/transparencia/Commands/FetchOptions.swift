import ArgumentParser
import Fetch
import Foundation

/// Options shared by every `fetch` subcommand: where files go, limits, retries, TLS, import hand-off.
struct FetchOptions: ParsableArguments {
    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Copia los archivos descargados a esta carpeta (si no, quedan en la caché).", valueName: "carpeta"))
    var outputFolder: String?

    // `--out` was this option's name before every command said `--output`; scripts may still use it.
    @Option(name: .customLong("out"), help: .hidden)
    var legacyOutput: String?

    /// Where downloads are copied, if anywhere.
    var output: String? { outputFolder ?? legacyOutput }

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Carpeta de la caché (por omisión $XDG_CACHE_HOME/transparencia o ~/.cache/transparencia).",
            valueName: "carpeta"))
    var cacheDir: String?

    @Option(name: .long, help: ArgumentHelp("Descargas simultáneas como máximo.", valueName: "n"))
    var jobs = 2

    @Option(
        name: .long,
        help: ArgumentHelp("Reintentos tras un error pasajero (conexión, tiempo agotado, 429, 5xx).", valueName: "n"))
    var retries = 4

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Espera antes del primer reintento, en segundos; se duplica en cada intento.", valueName: "segundos"))
    var retryDelay = 1.0

    @Option(name: .long, help: ArgumentHelp("Tiempo máximo para conectar, en segundos.", valueName: "segundos"))
    var connectTimeout = 30.0

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Abandona (y reintenta) si la descarga va a menos de 1 kB/s durante estos segundos.", valueName: "segundos")
    )
    var lowSpeedTime = 60

    @Option(name: .long, help: ArgumentHelp("Tamaño máximo aceptado (por ejemplo 500M o 2G).", valueName: "tamaño"))
    var maxSize = "2G"

    @Option(name: .long, help: ArgumentHelp("Redirecciones seguidas como máximo.", valueName: "n"))
    var maxRedirects = 10

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Archivo PEM con las autoridades de certificación de confianza (la verificación TLS nunca se desactiva).",
            valueName: "ruta"))
    var caBundle: String?

    @Flag(name: .long, help: "Sin progreso ni avisos en la salida de errores.")
    var quiet = false

    @Flag(name: .long, help: "Muestra qué se descargaría y dónde, sin conectarse.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Libro de datos para --import.", valueName: "ruta"))
    var db = "transparencia.sqlite"

    @Option(name: .long, help: ArgumentHelp("Perfil de la institución para --import.", valueName: "ruta"))
    var profile = "transparencia.toml"

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs debe ser al menos 1") }
        guard retries >= 0 else { throw ValidationError("--retries no puede ser negativo") }
        guard retryDelay >= 0, connectTimeout > 0, lowSpeedTime > 0 else {
            throw ValidationError("los tiempos deben ser positivos")
        }
        guard maxRedirects >= 0 else { throw ValidationError("--max-redirects no puede ser negativo") }
        guard ByteCount.parse(maxSize) != nil else {
            throw ValidationError("--max-size no se entiende: «\(maxSize)» (use por ejemplo 500M o 2G)")
        }
    }

    /// The fetcher's settings from the command line; progress only on a terminal and without `--quiet`.
    func settings() -> FetchSettings {
        let cache =
            cacheDir.map { FetchCache(root: URL(fileURLWithPath: $0)) } ?? FetchCache(root: FetchCache.defaultRoot)
        let showProgress = !quiet && Terminal.stderrIsTerminal
        let quiet = self.quiet
        return FetchSettings(
            cache: cache,
            retry: RetryPolicy(maxAttempts: retries + 1, baseDelay: retryDelay),
            connectTimeout: connectTimeout,
            lowSpeedLimit: 1_000,
            lowSpeedTime: lowSpeedTime,
            maxBytes: ByteCount.parse(maxSize) ?? 2_000_000_000,
            maxRedirects: maxRedirects,
            caBundle: caBundle,
            userAgent: "transparencia/\(Transparencia.version) (libcurl \(CurlLibrary.version))",
            progress: showProgress ? ProgressBoard() : nil,
            events: { event in if !quiet { Terminal.note("aviso: \(event)") } })
    }

    /// How `--import` imports: into `--db`, all or nothing, quiet as the downloads.
    var importRunner: ImportCommandRunner { ImportCommandRunner(db: db, quiet: quiet) }
}
