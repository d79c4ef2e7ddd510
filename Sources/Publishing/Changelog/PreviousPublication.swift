import Formats
import Foundation

/// The folder of an earlier publication that `export --since` compares with: its `<tabla>.json` or
/// `<tabla>.jsonl` files, read line by line (JSON is the same in both format profiles, so a publication made
/// for Excel compares as well as an open one).
struct PreviousPublication {
    let directory: URL

    init(directory: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw PublishingError.unreadablePrevious(path: directory.path, detail: "no existe o no es una carpeta")
        }
        self.directory = directory
    }

    /// The table's JSON file in the earlier publication, if it has one.
    func file(for table: String) -> URL? {
        for ext in ["json", "jsonl"] {
            let url = directory.appendingPathComponent("\(table).\(ext)")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// The lines of a JSON array that hold no row: `[`, `]` and an empty table's `[]`.
    private static let brackets: Set<[UInt8]> = [Array("[".utf8), Array("]".utf8), Array("[]".utf8)]

    /// Hands each published row of a file to `body`, in file order, holding one chunk and one line at a time.
    func forEachRow(in url: URL, _ body: ([String: FlatJSONObject.Value]) throws -> Void) throws {
        let reader: ChunkedFileReader
        do {
            reader = try ChunkedFileReader(url: url, chunkSize: 1 << 18)
        } catch {
            throw PublishingError.unreadablePrevious(path: url.path, detail: SystemErrorText.describe(error))
        }
        var pending: [UInt8] = []
        var lineNumber = 0
        func handle(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            // The array's brackets and blank lines are skipped by their bytes: trimming each row through
            // Foundation cost more than parsing it.
            let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
            guard let first = line.firstIndex(where: { !isBlank($0) }),
                let last = line.lastIndex(where: { !isBlank($0) })
            else { return }
            if last - first < 2, Self.brackets.contains(Array(line[first...last])) { return }
            let text = Substring(decoding: line, as: UTF8.self)
            guard let row = FlatJSONObject.parse(text) else {
                throw PublishingError.unreadablePrevious(
                    path: url.path, detail: "la línea \(lineNumber) no es una fila de una tabla publicada")
            }
            try body(row)
        }
        while let chunk = try reader.nextChunk() {
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try handle(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty { try handle(pending[...]) }
    }
}
