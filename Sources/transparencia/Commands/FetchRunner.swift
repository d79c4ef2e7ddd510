import ArgumentParser
import Fetch
import Foundation

/// The part every `fetch` subcommand shares: download, report, copy to `--out`, hand off to `import`.
struct FetchRunner {
    let options: FetchOptions

    /// Downloads `requests`; prints each file's path on stdout; imports them when a kind is given.
    ///
    /// - parameter skipNoContent: months with nothing published (204) are noted and skipped
    ///   instead of failing (used when fetching a whole year).
    func run(_ requests: [FetchRequest], importKind: (FetchRequest) -> String?, skipNoContent: Bool) async throws {
        // The same URL twice would make two transfers race on one cache entry.
        var seen = Set<FetchRequest>()
        let requests = requests.filter { seen.insert($0).inserted }
        if let kind = requests.lazy.compactMap(importKind).first { try Self.checkImporter(kind) }
        if options.dryRun {
            let destination = options.out ?? "la caché"
            for request in requests {
                let then = importKind(request).map { " y se importaría con «import \($0)»" } ?? ""
                Terminal.note("se descargaría \(request.url) → \(destination)/\(request.fileName)\(then)")
            }
            return
        }
        let fetcher = Fetcher(settings: options.settings())
        let results = await fetcher.fetchAll(requests, jobs: options.jobs)

        var failures = 0
        var handoffs: [ImportHandoff] = []
        for (request, result) in zip(requests, results) {
            switch result {
            case .success(let fetched):
                let path = try place(fetched)
                print(path.path)
                if !options.quiet { Terminal.note(Self.summary(of: fetched)) }
                if let kind = importKind(request) {
                    handoffs.append(ImportHandoff(kind: kind, fetched: fetched, file: path, passThrough: options.importPassThrough))
                }
            case .failure(FetchError.noContent(let url)) where skipNoContent:
                if !options.quiet { Terminal.note("aviso: sin archivo publicado, se omite: \(url)") }
            case .failure(let error):
                failures += 1
                Terminal.printError(error)
            }
        }
        for handoff in handoffs {
            try await Self.runImport(handoff)
        }
        if failures > 0 { throw ExitCode(2) }
        if results.allSatisfy({ if case .failure = $0 { true } else { false } }) {
            throw CommandError.message("no se descargó ningún archivo")
        }
    }

    /// The file to report: the cached one, or a copy in `--out`.
    private func place(_ fetched: FetchedFile) throws -> URL {
        guard let out = options.out else { return fetched.path }
        return try fetched.copy(into: URL(fileURLWithPath: out))
    }

    /// `descargado: 2024-03_Guatecompras.json.zip (27.3 MB, sha256 1a2b3c4d…)`.
    static func summary(of fetched: FetchedFile) -> String {
        let verb = switch fetched.origin {
        case .downloaded: "descargado"
        case .resumed: "descarga reanudada y completa"
        case .notModified: "sin cambios (caché)"
        }
        return "\(verb): \(fetched.request.fileName) (\(ByteCount.text(fetched.entry.size)), sha256 \(fetched.entry.sha256.prefix(12))…)"
    }

    /// Fails early, in Spanish, when this build has no such import subcommand.
    static func checkImporter(_ kind: String) throws {
        let kinds = ImportCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        guard kinds.contains(kind) else {
            let available = kinds.isEmpty ? "ninguno" : kinds.joined(separator: ", ")
            throw CommandError.message("no existe el importador «\(kind)» (disponibles: \(available)); descargue sin --import")
        }
    }

    /// Runs `transparencia import <kind> FILE --source-url … --etag …` in this process.
    static func runImport(_ handoff: ImportHandoff) async throws {
        try await Transparencia.runInProcess(["import"] + handoff.arguments)
    }
}
