import Fetch
import Foundation
import Testing

struct ImportHandoffTests {
    @Test("the import arguments carry kind, file, source URL, ETag and pass-through options")
    func arguments() {
        let handoff = ImportHandoff(kind: "ocds", file: URL(fileURLWithPath: "/datos/2024-03_Guatecompras.json.zip"),
                                    sourceURL: "https://ocds.guatecompras.gt/file/json/2024/3", etag: "\"abc-123\"",
                                    passThrough: ["--db=libro.sqlite", "--quiet"])
        #expect(handoff.arguments == [
            "ocds", "/datos/2024-03_Guatecompras.json.zip",
            "--source-url=https://ocds.guatecompras.gt/file/json/2024/3", "--etag=\"abc-123\"",
            "--db=libro.sqlite", "--quiet",
        ])
    }

    @Test("without an ETag no --etag is passed")
    func noETag() {
        let handoff = ImportHandoff(kind: "ejecucion", file: URL(fileURLWithPath: "/tmp/e.csv"), sourceURL: "https://x.gt/e.csv", etag: nil)
        #expect(handoff.arguments == ["ejecucion", "/tmp/e.csv", "--source-url=https://x.gt/e.csv"])
    }

    @Test("a hand-off built from a fetched file uses its request URL and recorded ETag")
    func fromFetchedFile() {
        let request = FetchRequest(url: "https://ocds.guatecompras.gt/file/csv/2024/3", fileName: "2024-03_Guatecompras.csv.zip")
        let entry = CacheEntry(url: request.url, etag: "W/\"x\"", lastModified: nil, sha256: "00", size: 1, fetchedAt: "2026-01-01T00:00:00Z")
        let fetched = FetchedFile(request: request, path: URL(fileURLWithPath: "/cache/a/2024-03_Guatecompras.csv.zip"), entry: entry, origin: .downloaded)
        let handoff = ImportHandoff(kind: GuatecomprasBulk.Format.csv.importKind, fetched: fetched, file: URL(fileURLWithPath: "/out/x.zip"))
        #expect(handoff.arguments == ["compras", "/out/x.zip", "--source-url=https://ocds.guatecompras.gt/file/csv/2024/3", "--etag=W/\"x\""])
    }
}
