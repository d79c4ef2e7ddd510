import Domain
import Formats
import Foundation

/// Reads MINFIN open-data (CKAN) execution JSON: a `datastore_search` response (`{"success", "result":
/// {"records", "fields", "total", …}}`), a bare `{"records": […]}` (also with `fields` and records as lists, as
/// the datastore dump writes), or a bare array of records.
///
/// Records become rows under a header built from `fields` (or from the records' keys), so the same parser as
/// CSV applies: camelCase names normalize (`codigoRenglon` → `codigo_renglon`) and numeric codes get their zeros
/// back (`62` → `062`). Values are ``Formats/JSONValue``s, numbers exact (`Decimal`, never `Double`). The file is
/// cut by ``Formats/JSONArrayElementScanner``: records in a root array or a top-level `records` array are read
/// one at a time, whatever the file's size; a `datastore_search` envelope (records inside `result`) is read
/// whole, up to ``maxBytes``. A page with fewer records than `total` is refused unless allowed.
enum CKANExecutionReader {
    /// The largest envelope read whole: a `datastore_search` page is a few MB (at most 32,000 records); a whole
    /// dataset must come in pages, as an array of records, or as CSV, which stream.
    static let maxBytes = 128 << 20
    /// Records looked at to name the columns when the file has no `fields`.
    static let headerSample = 1000

    static func read(_ url: URL, options: ExecutionImportOptions, rows: ExecutionRowSink) throws -> ExecutionScan {
        let file = url.lastPathComponent
        do {
            return try readJSON(url, options: options, rows: rows)
        } catch let error as FormatsError {
            // Broken JSON is the wrong kind of file for this import, said with its position.
            switch error {
            case .jsonSyntax, .jsonTruncated, .jsonTooDeep, .invalidUTF8, .nulByte, .empty:
                throw ImportError.wrongKind(file: file, expected: "JSON", detail: SystemErrorText.describe(error))
            default: throw error
            }
        }
    }

    private static func readJSON(_ url: URL, options: ExecutionImportOptions, rows: ExecutionRowSink) throws
        -> ExecutionScan
    {
        let file = url.lastPathComponent
        try refuseLargeEnvelope(url)
        let scanner = try JSONArrayElementScanner(
            url: url, targetKeys: ["records"], limits: JSONScanLimits(maxElementBytes: maxBytes))
        var surrogates = 0
        func parse(_ element: JSONElement) throws -> JSONValue {
            let (bytes, replaced) = CKANByteEscapes.repair(element.bytes)
            surrogates += replaced
            do {
                return try JSONValue.parse(bytes)
            } catch FormatsError.jsonSyntax(_, let offset, _, let detail) {
                throw FormatsError.jsonSyntax(
                    file: file, offset: element.offset + offset, line: element.line, detail: detail)
            }
        }
        let first: JSONElement?
        do {
            first = try scanner.next()
        } catch FormatsError.jsonElementTooLarge(_, _, _, let limit) {
            let size =
                (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
            throw FormatsError.tooLargeToReadWhole(
                file: file, bytes: size, limit: limit,
                advice: "descárguelo por páginas (datastore_search con limit y offset) o en CSV, que se lee en flujo")
        }
        var extra: [Diagnostic] = []
        var outcome: ExecutionScan
        if let first, first.index < 0 {
            // The root object came whole: a `datastore_search` envelope.
            outcome = try readEnvelope(try parse(first), file: file, options: options, rows: rows, extra: &extra)
        } else {
            // Records one at a time: the first ones name the columns, then every record is a row.
            var buffered: [(JSONValue, Int)] = []
            var keys: [String] = []
            var seen = Set<String>()
            var element = first
            while let current = element {
                let value = try parse(current)
                if case .object = value, let fields = JSONTopLevelFields.scan(current.bytes, wanted: []) {
                    for key in fields.keys where seen.insert(key).inserted { keys.append(key) }
                }
                buffered.append((value, current.index + 1))
                if buffered.count >= headerSample { break }
                element = try scanner.next()
            }
            let header = keys.filter { $0 != "_id" && $0 != "_full_text" }
            var position = 0
            outcome = try ExecutionImporter.readRows(
                header: header, file: file, options: options, format: "JSON de datos abiertos (CKAN)",
                extraDecimals: .roundFloatNoise, lineWord: "registro", rows: rows
            ) {
                if position < buffered.count {
                    defer { position += 1 }
                    let (record, line) = buffered[position]
                    return (header.map { record[$0]?.cellText ?? "" }, line)
                }
                buffered = []
                position = 0
                guard let next = try scanner.next() else { return nil }
                let record = try parse(next)
                return (header.map { record[$0]?.cellText ?? "" }, next.index + 1)
            }
        }
        if surrogates > 0 {
            extra.append(
                Diagnostic(
                    file: file, severity: .warning,
                    message: "el JSON trae \(surrogates) sustituto(s) UTF-16 sueltos (texto dañado al recodificar); se "
                        + "restituyó el byte que guardan cuando lo había y el resto se marcó con �"))
        }
        outcome.diagnostics = extra + outcome.diagnostics
        return outcome
    }

    /// Refuses, before reading it, a file larger than ``maxBytes`` whose first bytes open a `datastore_search`
    /// envelope (records inside `result` must be read whole); records in a root array or a top-level `records`
    /// array stream whatever the size.
    private static func refuseLargeEnvelope(_ url: URL) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        guard size > Int64(maxBytes) else { return }
        let head = try ChunkedFileReader(url: url, chunkSize: 1 << 20).nextChunk() ?? Data()
        guard head.first(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{"),
            head.range(of: Data("\"result\"".utf8)) != nil
        else { return }
        throw FormatsError.tooLargeToReadWhole(
            file: url.lastPathComponent, bytes: size, limit: maxBytes,
            advice: "descárguelo por páginas (datastore_search con limit y offset) o en CSV, que se lee en flujo")
    }

    /// Reads a `datastore_search` response (or a bare object with `records`) parsed whole.
    private static func readEnvelope(
        _ document: JSONValue, file: String, options: ExecutionImportOptions, rows: ExecutionRowSink,
        extra: inout [Diagnostic]
    ) throws -> ExecutionScan {
        if case .bool(false)? = document["success"] {
            throw ImportError.wrongKind(
                file: file, expected: "respuesta de datos de CKAN", detail: "la respuesta dice \"success\": false")
        }
        let result = document["result"] ?? document
        guard case .array(let records)? = result["records"] else {
            throw ImportError.wrongKind(
                file: file, expected: "respuesta datastore_search de CKAN", detail: "no trae la lista «records»")
        }
        if case .number(let total)? = result["total"], records.count < NSDecimalNumber(decimal: total).intValue {
            let total = NSDecimalNumber(decimal: total).intValue
            guard options.allowPartialPage else {
                throw ImportError.truncatedPage(file: file, records: records.count, total: total)
            }
            extra.append(
                Diagnostic(
                    file: file, field: "total", severity: .warning,
                    message:
                        "página parcial aceptada: \(records.count) de \(total) registros; la ejecución queda subestimada"
                ))
        }
        let fieldIDs = fieldIDs(result)
        let header = headerKeys(fieldIDs: fieldIDs, records: records)
        var index = 0
        return try ExecutionImporter.readRows(
            header: header, file: file, options: options, format: "CKAN JSON", extraDecimals: .roundFloatNoise,
            lineWord: "registro", rows: rows
        ) {
            guard index < records.count else { return nil }
            defer { index += 1 }
            let record = records[index]
            if case .array(let values) = record {
                // Records as lists (`records_format=lists`): values in the order of `fields`.
                let byField = Dictionary(zip(fieldIDs, values), uniquingKeysWith: { first, _ in first })
                return (header.map { byField[$0]?.cellText ?? "" }, index + 1)
            }
            return (header.map { record[$0]?.cellText ?? "" }, index + 1)
        }
    }

    /// The ids of `fields`, in order.
    private static func fieldIDs(_ result: JSONValue) -> [String] {
        guard case .array(let fields)? = result["fields"] else { return [] }
        return fields.compactMap { if case .string(let id)? = $0["id"] { id } else { nil } }
    }

    /// Field ids in the order `fields` lists them, else the records' keys (sorted: a parsed object keeps no
    /// order); CKAN's own `_id` and `_full_text` are not data.
    static func headerKeys(fieldIDs: [String], records: [JSONValue]) -> [String] {
        var keys = fieldIDs
        if keys.isEmpty {
            var seen = Set<String>()
            for case .object(let members) in records.prefix(headerSample) {
                for key in members.keys.sorted() where seen.insert(key).inserted { keys.append(key) }
            }
        }
        return keys.filter { $0 != "_id" && $0 != "_full_text" }
    }
}

extension JSONValue {
    /// The value as cell text: strings as they are, numbers as their exact decimal text, null as empty.
    var cellText: String {
        switch self {
        case .string(let text): text
        case .number(let value): "\(value)"
        case .bool(let flag): flag ? "true" : "false"
        case .null, .object, .array: ""
        }
    }
}
