import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// The `transparencia fetch` command end to end: the built binary against the local test server.
struct FetchCommandTests {
    /// Runs the `transparencia` executable built next to the test bundle.
    static func transparencia(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments)
    }

    @Test("fetch guatecompras for a year downloads each published month into --out and skips 204 months")
    func guatecomprasYear() throws {
        let server = try TestHTTPServer()
        let directory = try TemporaryDirectory()
        let out = directory.file("datos")
        let run = try Self.transparencia([
            "fetch", "guatecompras", "--year", "2024", "--base-url", server.url("/gc"),
            "--out", out.path, "--cache-dir", directory.file("cache").path, "--jobs", "3",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            printed
                == (1...10).map {
                    out.appendingPathComponent(String(format: "2024-%02d_Guatecompras.json.zip", $0)).path
                })
        #expect(
            try Data(contentsOf: out.appendingPathComponent("2024-03_Guatecompras.json.zip"))
                == TestHTTPServer.body(size: 1003))
        #expect(run.stderr.contains("sin archivo publicado, se omite: \(server.url("/gc/file/json/2024/11"))"))
        #expect(try server.requests("/gc/").count == 12)
    }

    @Test("a second run revalidates with the cache (304) and --quiet prints only the paths")
    func secondRunUsesCache() throws {
        let server = try TestHTTPServer()
        let directory = try TemporaryDirectory()
        let arguments = ["fetch", server.url("/file/2500"), "--cache-dir", directory.file("cache").path, "--quiet"]
        let first = try Self.transparencia(arguments)
        let second = try Self.transparencia(arguments)
        #expect(first.status == 0 && second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.isEmpty)
        #expect(try server.requests("/file/2500").map(\.ifNoneMatch) == [nil, "\"v1-2500\""])
    }

    @Test("a single month with nothing published fails with exit code 2 and a Spanish message")
    func emptyMonthFails() throws {
        let server = try TestHTTPServer()
        let directory = try TemporaryDirectory()
        let run = try Self.transparencia([
            "fetch", "guatecompras", "--year", "2024", "--month", "12", "--base-url", server.url("/gc"),
            "--cache-dir", directory.file("cache").path,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no hay archivo publicado"))
    }

    @Test("--import with an importer this build lacks stops before downloading")
    func unknownImporter() throws {
        let server = try TestHTTPServer()
        let directory = try TemporaryDirectory()
        let run = try Self.transparencia([
            "fetch", server.url("/file/10"), "--import", "inexistente", "--cache-dir", directory.file("cache").path,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no existe el importador «inexistente»"))
        #expect(try server.requests().isEmpty)
    }

    @Test("retries are announced and the final failure exits 2")
    func retriesAnnounced() throws {
        let server = try TestHTTPServer()
        let directory = try TemporaryDirectory()
        let run = try Self.transparencia([
            "fetch", server.url("/always/503"), "--retries", "2", "--retry-delay", "0.01",
            "--cache-dir", directory.file("cache").path,
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("reintento 2 de 3"))
        #expect(run.stderr.contains("después de 3 intento(s): el servidor respondió 503 (servicio no disponible)"))
    }
}

/// `fetch --dry-run` says what it would download and never connects.
struct FetchDryRunTests {
    @Test("fetch --dry-run lists the URLs and destinations and sends no request")
    func dryRun() throws {
        let server = try TestHTTPServer()
        let directory = try TemporaryDirectory()
        let run = try BinaryRunner.run([
            "fetch", "guatecompras", "--year", "2024", "--month", "3", "--base-url", server.url("/gc"), "--dry-run",
            "--out", directory.file("datos").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("se descargaría \(server.url("/gc/file/json/2024/3"))"))
        #expect(try server.requests("/").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.file("datos").path))
    }
}

/// `fetch --import` hands the file to the importer, which records where it came from.
struct FetchImportEndToEndTests {
    @Test("fetch --import metas imports the download and the import run records its URL and ETag")
    func importsWithProvenance() throws {
        let server = try TestHTTPServer(staticDirectory: BinaryRunner.samples.appendingPathComponent("metas"))
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        #expect(try BinaryRunner.run(["init", "--db", db, "--profile", directory.file("p.toml").path]).status == 0)
        let url = server.url("/static/metas-sosep-2022.csv")
        let run = try BinaryRunner.run([
            "fetch", url, "--cache-dir", directory.file("cache").path, "--import", "metas", "--db", db,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("filas leídas 14 · aceptadas 14"))
        let ledger = try Ledger.open(path: db)
        let importRun = try #require(try ledger.importRuns().first)
        #expect(importRun.sourceURL == url)
        #expect(
            importRun.etag
                == "\"s-\(try Data(contentsOf: BinaryRunner.samples.appendingPathComponent("metas/metas-sosep-2022.csv")).count)\""
        )
        #expect(try ledger.metas(ejercicio: 2022).products.count == 5)
    }
}
