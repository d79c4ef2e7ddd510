import ArgumentParser
import Domain
import Fetch
import Foundation
import Pipeline

/// The part every `fetch` subcommand shares: download, report, copy to `--output`, hand off to the import pipeline.
struct FetchRunner {
    let options: FetchOptions

    /// Downloads `requests`; prints each file's path on stdout; imports them when a kind is given.
    ///
    /// - parameter skipNoContent: months with nothing published (204) are noted and skipped
    ///   instead of failing (used when fetching a whole year).
    func run(_ requests: [FetchRequest], importKind: SourceKind?, skipNoContent: Bool) async throws {
        // The same URL twice would make two transfers race on one cache entry.
        var seen = Set<FetchRequest>()
        let requests = requests.filter { seen.insert($0).inserted }
        if options.dryRun {
            let destination = options.output ?? "la caché"
            for request in requests {
                let then = importKind.map { " y se importaría con «import \($0.commandName)»" } ?? ""
                Terminal.note("se descargaría \(request.url) → \(destination)/\(request.fileName)\(then)")
            }
            return
        }
        let fetcher = Fetcher(settings: options.settings())
        let results = await fetcher.fetchAll(requests, jobs: options.jobs)

        var failures = 0
        var imports: [ImportRequest] = []
        for result in results {
            switch result {
            case .success(let fetched):
                let path = try place(fetched)
                print(path.path)
                if !options.quiet { Terminal.note(Self.summary(of: fetched)) }
                if let importKind { imports.append(Self.importRequest(fetched, file: path, kind: importKind)) }
            case .failure(FetchError.noContent(let url)) where skipNoContent:
                if !options.quiet { Terminal.note("aviso: sin archivo publicado, se omite: \(url)") }
            case .failure(let error):
                failures += 1
                Terminal.printError(error)
            }
        }
        if !imports.isEmpty {
            try options.importRunner.run(imports)
        }
        if failures > 0 { throw ExitCode(2) }
        if results.allSatisfy({ if case .failure = $0 { true } else { false } }) {
            throw CommandError.message("no se descargó ningún archivo")
        }
    }

    /// The import of a downloaded file, carrying where it came from and the digest the download already computed.
    static func importRequest(_ fetched: FetchedFile, file: URL, kind: SourceKind) -> ImportRequest {
        ImportRequest(
            file: file, kind: kind,
            provenance: ImportProvenance(
                sourceURL: fetched.request.url, etag: fetched.entry.etag,
                digest: FileIdentity(sha256: fetched.entry.sha256, bytes: fetched.entry.size)))
    }

    /// The file to report: the cached one, or a copy in `--output`.
    private func place(_ fetched: FetchedFile) throws -> URL {
        guard let output = options.output else { return fetched.path }
        return try fetched.copy(into: URL(fileURLWithPath: output))
    }

    /// `descargado: 2024-03_Guatecompras.json.zip (27.3 MB, sha256 1a2b3c4d…)`.
    static func summary(of fetched: FetchedFile) -> String {
        let verb =
            switch fetched.origin {
            case .downloaded: "descargado"
            case .resumed: "descarga reanudada y completa"
            case .notModified: "sin cambios (caché)"
            }
        return
            "\(verb): \(fetched.request.fileName) (\(ByteCount.text(fetched.entry.size)), sha256 \(fetched.entry.sha256.prefix(12))…)"
    }
}
