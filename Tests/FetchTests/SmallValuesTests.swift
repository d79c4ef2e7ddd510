import Fetch
import Foundation
import TestSupport
import Testing

/// Byte counts, the progress line, file names, metadata format and the `--out` copy.
struct SmallValuesTests {
    @Test(
        "byte counts print with one decimal in decimal units",
        arguments: [
            (Int64(0), "0 B"), (999, "999 B"), (1000, "1.0 kB"), (27_327_030, "27.3 MB"), (2_000_000_000, "2.0 GB"),
        ])
    func byteCountText(bytes: Int64, text: String) {
        #expect(ByteCount.text(bytes) == text)
    }

    @Test(
        "sizes parse with optional decimal suffixes",
        arguments: [
            ("500", Int64(500)), ("500k", 500_000), ("35M", 35_000_000), ("2G", 2_000_000_000), ("2gb", 2_000_000_000),
        ])
    func byteCountParse(text: String, bytes: Int64) {
        #expect(ByteCount.parse(text) == bytes)
    }

    @Test("nonsense sizes are rejected")
    func byteCountRejects() {
        #expect(ByteCount.parse("mucho") == nil)
        #expect(ByteCount.parse("-5M") == nil)
        #expect(ByteCount.parse("99999999999T") == nil)
    }

    @Test("the progress line shows bytes, percentage, rate and time left")
    func progressLine() {
        #expect(
            ProgressLine.render(active: 1, done: 10_000_000, total: 35_000_000, bytesPerSecond: 2_500_000)
                == "descargando 10.0 MB de 35.0 MB (28 %) · 2.5 MB/s · faltan 0:10")
        #expect(
            ProgressLine.render(active: 2, done: 1_500, total: nil, bytesPerSecond: 0) == "2 descargas: 1.5 kB · 0 B/s")
    }

    @Test("file names come from the URL path and cannot escape their folder")
    func fileNames() {
        #expect(FetchRequest(url: "https://x.gt/datos/ejecucion%202024.csv?v=2").fileName == "ejecucion 2024.csv")
        #expect(FetchRequest(url: "https://x.gt/").fileName == "descarga")
        #expect(FetchRequest(url: "https://x.gt/a", fileName: "../../etc/passwd").fileName == "_.._etc_passwd")
    }

    @Test("cache metadata is written with snake_case keys")
    func metadataKeys() throws {
        let entry = CacheEntry(url: "u", etag: "\"e\"", lastModified: "m", sha256: "s", size: 3, fetchedAt: "t")
        let json = try #require(String(data: try JSONEncoder().encode(entry), encoding: .utf8))
        #expect(json.contains("\"last_modified\":\"m\""))
        #expect(json.contains("\"fetched_at\":\"t\""))
        #expect(try JSONDecoder().decode(CacheEntry.self, from: Data(json.utf8)) == entry)
    }

    @Test("copying into --out replaces an older copy and leaves no temporary file")
    func copyIntoFolder() throws {
        let directory = try TemporaryDirectory()
        let source = try directory.write("cache/f.zip", text: "nuevo")
        let out = directory.file("out")
        try directory.write("out/f.zip", text: "viejo")
        let request = FetchRequest(url: "https://x.gt/f.zip")
        let entry = CacheEntry(url: request.url, etag: nil, lastModified: nil, sha256: "", size: 5, fetchedAt: "")
        let copy = try FetchedFile(request: request, path: source, entry: entry, origin: .downloaded).copy(into: out)
        #expect(try String(contentsOf: copy, encoding: .utf8) == "nuevo")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["f.zip"])
        #expect(try String(contentsOf: source, encoding: .utf8) == "nuevo")
    }
}
