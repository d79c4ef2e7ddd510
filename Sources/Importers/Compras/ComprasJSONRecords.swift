import Domain
import Formats
import Foundation

/// The records of a flat procurement export in JSON, streamed: MINFIN's CKAN envelope (`{"result": {"records":
/// [...]}}`), `{"records": [...]}` or a bare array of objects, each record handed over as a row under a header made
/// of every key the records use.
///
/// The file is read twice with ``JSONArrayElementScanner``, never whole: a first pass finds the encoding (UTF-8,
/// else Windows-1252), the header (keys in order of first appearance, without CKAN's `_id`), the number of records
/// and the envelope's `total`; the second parses one record at a time into a ``JSONValue`` (numbers as exact
/// decimals) and hands it over. Memory is one chunk plus one record, whatever the file's size.
struct ComprasJSONRecords {
    /// What the first pass found.
    struct Survey {
        var header: [String]
        var records: Int
        var total: Int?
        var windows1252: Bool
    }

    /// Widest header accepted (as many columns as a spreadsheet can have).
    static let maxColumns = 16_384

    let url: URL
    private var file: String { url.lastPathComponent }

    /// Reads the file: `header` first, then each record with its 1-based position as the line.
    /// - Returns: a description of the file and how many lone UTF-16 surrogates were replaced by U+FFFD.
    /// - Throws: ``FormatsError`` for broken JSON, ``ImportError`` for files that are not flat exports, partial
    ///   pages and records that are not objects, or whatever `body` throws.
    func forEach(
        progress: (Int64, Int64) -> Void, _ body: (CSVRecord) throws -> Void
    ) throws -> (description: String, replacedCharacters: Int) {
        let survey: Survey
        do {
            survey = try self.survey(windows1252: false)
        } catch FormatsError.invalidUTF8 {
            survey = try self.survey(windows1252: true)
        }
        if let total = survey.total, total > survey.records {
            throw ImportError.wrongKind(
                file: file, expected: "descarga completa de compras",
                detail: "es una página de \(survey.records) de \(total) registros; descargue el conjunto completo")
        }
        try body(CSVRecord(line: 0, fields: survey.header))
        let chunks = try Chunks(url: url, windows1252: survey.windows1252)
        let scanner = Self.scanner(file: file, chunks: chunks)
        var replaced = 0
        var count: Int64 = 0
        while let element = try scanner.next() {
            let line = element.index + 1
            let value: JSONValue
            do {
                value = try JSONValue.parse(element.bytes)
            } catch {
                guard let (fixed, repairs) = JSONSurrogateRepair.repair(element.bytes),
                    let repaired = try? JSONValue.parse(fixed)
                else { throw invalid(line: line, error, offset: element.offset) }
                value = repaired
                replaced += repairs
            }
            guard case .object(let members) = value else {
                throw ImportError.invalidFile(
                    file: file,
                    diagnostics: [Diagnostic(file: file, line: line, message: "el registro \(line) no es un objeto")])
            }
            try body(CSVRecord(line: line, fields: survey.header.map { members[$0].map(Self.cellText) ?? "" }))
            count += 1
            if count % 2000 == 0 { progress(count, chunks.rawBytes) }
        }
        let encoding = survey.windows1252 ? "Latin-1/Windows-1252" : "UTF-8"
        return ("JSON \(encoding), \(survey.records) registro(s) (el número de «línea» es el del registro)", replaced)
    }

    /// The first pass: header, count and `total`, reading each record's keys with a byte scan.
    private func survey(windows1252: Bool) throws -> Survey {
        let scanner = Self.scanner(file: file, chunks: try Chunks(url: url, windows1252: windows1252))
        var header: [String] = []
        var seen: Set<String> = ["_id"]
        var records = 0
        while let element = try scanner.next() {
            guard element.index >= 0 else {
                throw ImportError.wrongKind(
                    file: file, expected: "compras en JSON",
                    detail: "no hay una lista «records» ni una lista de objetos")
            }
            guard let fields = JSONTopLevelFields.scan(element.bytes, wanted: []) else {
                throw ImportError.invalidFile(
                    file: file,
                    diagnostics: [
                        Diagnostic(
                            file: file, line: element.index + 1,
                            message: "el registro \(element.index + 1) no es un objeto")
                    ])
            }
            for raw in fields.keys {
                let key = Self.unescaped(raw)
                guard seen.insert(key).inserted else { continue }
                header.append(key)
                if header.count > Self.maxColumns {
                    throw FormatsError.tooManyFields(file: file, line: element.index + 1, limit: Self.maxColumns)
                }
            }
            records += 1
        }
        let total = (scanner.memberScalars["result.total"] ?? scanner.memberScalars["total"]).flatMap { Int($0) }
        return Survey(header: header, records: records, total: total, windows1252: windows1252)
    }

    private static func scanner(file: String, chunks: Chunks) -> JSONArrayElementScanner {
        JSONArrayElementScanner(fileName: file, targetKeys: ["records"], containerKeys: ["result"]) {
            try chunks.next()
        }
    }

    private func invalid(line: Int, _ error: any Error, offset: Int64) -> ImportError {
        var detail = (error as? any LocalizedError)?.errorDescription ?? "\(error)"
        var at = offset
        if case FormatsError.jsonSyntax(_, let within, _, let what) = error {
            detail = what
            at += within
        }
        return ImportError.invalidFile(
            file: file,
            diagnostics: [Diagnostic(file: file, line: line, message: "JSON inválido: \(detail) (byte \(at))")])
    }

    /// A key as the record parser returns it (escapes such as `\u00f1` resolved).
    private static func unescaped(_ raw: String) -> String {
        guard raw.contains("\\") else { return raw }
        if case .string(let key)? = try? JSONValue.parse(Data("\"\(raw)\"".utf8)) { return key }
        return raw
    }

    /// A value as cell text: strings and numbers as written (numbers exactly), booleans as `true`/`false`, the
    /// rest empty.
    static func cellText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: ""
        }
    }

    /// The file's bytes in chunks, as UTF-8 or transcoded from Windows-1252 (one byte per character, so chunks
    /// can be transcoded on their own).
    private final class Chunks {
        private let reader: ChunkedFileReader
        private let windows1252: Bool
        /// Bytes of the file read so far (for progress).
        private(set) var rawBytes: Int64 = 0

        init(url: URL, windows1252: Bool) throws {
            self.reader = try ChunkedFileReader(url: url, chunkSize: 1 << 20)
            self.windows1252 = windows1252
        }

        func next() throws -> Data? {
            guard let chunk = try reader.nextChunk() else { return nil }
            rawBytes += Int64(chunk.count)
            return windows1252 ? Data(TextEncoding.windows1252.decode(chunk).utf8) : chunk
        }
    }
}
