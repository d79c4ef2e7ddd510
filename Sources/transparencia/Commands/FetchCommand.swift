import ArgumentParser

/// `transparencia fetch`: downloads sources into the cache so `import` can read them.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Descarga fuentes de datos con caché, reanudación y reintentos.",
        discussion: HelpText.reflow(
            """
            Toda descarga pasa por una caché (por omisión ~/.cache/transparencia): si el archivo no \
            cambió, el servidor responde 304 y se reutiliza la copia; una descarga cortada se reanuda \
            donde quedó; los errores pasajeros (conexión, tiempo agotado, 429, 5xx) se reintentan con \
            espera creciente. El archivo final aparece completo o no aparece. La verificación TLS \
            siempre está activa. Las rutas de los archivos descargados se escriben en la salida estándar.

            Ejemplos:
              transparencia fetch https://ejemplo.gt/ejecucion.csv --output datos
              transparencia fetch guatecompras --year 2024 --month 3 --output datos
              transparencia fetch guatecompras --year 2024 --month 3 --import
            """),
        subcommands: [FetchURLCommand.self, FetchGuatecomprasCommand.self],
        defaultSubcommand: FetchURLCommand.self
    )
}
