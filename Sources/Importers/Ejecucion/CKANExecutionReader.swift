import Domain
import Formats
import Foundation

/// Reads MINFIN open-data (CKAN) `datastore_search` responses: `{"success", "result": {"records", "fields",
/// "total", …}}`, a bare `{"records": […]}`, or a bare array of records.
///
/// Records become rows under a header built from `fields` (or from the records' keys), so the same parser
/// as CSV applies: camelCase names normalize (`codigoRenglon` → `codigo_renglon`) and numeric codes get
/// their zeros back (`62` → `062`). A page with fewer records than `total` is refused unless allowed.
/// The response is read whole (CKAN pages are bounded by their `limit`), but its lines are handed over
/// one at a time like those of any other layout.
enum CKANExecutionReader {
    /// The largest response read whole: a `datastore_search` page is a few MB; a whole dataset saved as one
    /// JSON file must come in pages or as CSV, which streams.
    static let maxBytes = 128 << 20

    static func read(_ url: URL, options: ExecutionImportOptions, rows: ExecutionRowSink) throws -> ExecutionScan {
        let file = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        guard size <= Int64(maxBytes) else {
            throw FormatsError.tooLargeToReadWhole(
                file: file, bytes: size, limit: maxBytes,
                advice: "descárguelo por páginas (datastore_search con limit y offset) o en CSV, que se lee en flujo")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FormatsError.unreadable(file: file, cause: error.localizedDescription)
        }
        let document: RawJSON
        let loneSurrogates: Int
        do {
            (document, loneSurrogates) = try RawJSON.parse(Array(data))
        } catch let error as RawJSON.SyntaxError {
            throw ImportError.wrongKind(file: file, expected: "JSON", detail: "\(error.message) en el byte \(error.offset)")
        }
        if case .bool(false) = document["success"] ?? .null {
            throw ImportError.wrongKind(
                file: file, expected: "respuesta de datos de CKAN", detail: "la respuesta dice \"success\": false")
        }
        let result = document["result"] ?? document
        let recordsValue: RawJSON? = if case .array = result { result } else { result["records"] }
        guard case .array(let records)? = recordsValue else {
            throw ImportError.wrongKind(
                file: file, expected: "respuesta datastore_search de CKAN", detail: "no trae la lista «records»")
        }
        var extra: [Diagnostic] = []
        if case .number(let totalText)? = result["total"], let total = Int(totalText), records.count < total {
            guard options.allowPartialPage else {
                throw ImportError.truncatedPage(file: file, records: records.count, total: total)
            }
            extra.append(Diagnostic(
                file: file, field: "total", severity: .warning,
                message: "página parcial aceptada: \(records.count) de \(total) registros; la ejecución queda subestimada"))
        }
        let header = headerKeys(result: result, records: records)
        var index = 0
        var outcome = try ExecutionImporter.readRows(
            header: header, file: file, options: options, format: "CKAN JSON", extraDecimals: .roundFloatNoise,
            lineWord: "registro", rows: rows
        ) {
            guard index < records.count else { return nil }
            defer { index += 1 }
            return (header.map { records[index][$0]?.cellText ?? "" }, index + 1)
        }
        if loneSurrogates > 0 {
            extra.append(Diagnostic(
                file: file, severity: .warning,
                message: "el JSON trae \(loneSurrogates) sustituto(s) UTF-16 sueltos (texto dañado al recodificar); "
                    + "se reemplazaron por � y se marcan las filas afectadas"))
        }
        outcome.diagnostics = extra + outcome.diagnostics
        return outcome
    }

    /// Field ids in the order `fields` lists them, else in order of first appearance; CKAN's own `_id`
    /// and `_full_text` are not data.
    static func headerKeys(result: RawJSON, records: [RawJSON]) -> [String] {
        var keys: [String] = []
        if case .array(let fields)? = result["fields"] {
            keys = fields.compactMap { if case .string(let id)? = $0["id"] { id } else { nil } }
        }
        if keys.isEmpty {
            var seen = Set<String>()
            for record in records.prefix(1000) {
                if case .object(let members) = record {
                    for (key, _) in members where seen.insert(key).inserted { keys.append(key) }
                }
            }
        }
        return keys.filter { $0 != "_id" && $0 != "_full_text" }
    }
}
