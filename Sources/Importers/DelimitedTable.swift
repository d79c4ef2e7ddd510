import Domain
import Formats
import Foundation

/// Reads a delimited file with a header row into raw rows keyed by normalized header names.
///
/// Used by importers of small, whole-table files (metas, summaries). Streaming importers use
/// `CSVReader` directly. Reports exported from SIGES or SICOIN print a few title rows (institution, report
/// name, cut-off) above the header without a `#`; the header is the first row that names the columns looked
/// for, among the first ``maxTitleRows`` + 1 rows, and the first row otherwise (so a misspelled header is
/// still reported at its own line).
enum DelimitedTable {
    /// How many rows above the header may be titles.
    static let maxTitleRows = 10

    /// The header keys and the data rows of a file, or a diagnostic for each required column missing.
    static func read(_ url: URL, required: [String], commentPrefix: Character? = "#") throws
        -> (rows: [RawRow], diagnostics: [Diagnostic], dialect: CSVDialect)
    {
        let reader = try CSVReader(url: url, commentPrefix: commentPrefix)
        let file = url.lastPathComponent
        let located = try locateHeader(reader, file: file) { keys in required.allSatisfy(keys.contains) }
        let header = located.header
        var pending = located.pending
        let keys = header.fields.map(HeaderKey.normalize)
        let missing = required.filter { !keys.contains($0) }
        if !missing.isEmpty {
            let diagnostics = missing.map {
                Diagnostic(
                    file: file, line: header.line, field: $0, message: "falta la columna «\($0)» en el encabezado")
            }
            return ([], diagnostics, reader.dialect)
        }
        var rows: [RawRow] = []
        var diagnostics = [
            Diagnostic(
                file: file, severity: .info,
                message: "leído como \(reader.dialect.encoding.displayName), separador \(reader.dialect.delimiterName)")
        ]
        while let record = try (pending.isEmpty ? reader.next() : pending.removeFirst()) {
            if record.isBlank { continue }
            if record.fields.count > keys.count && !record.fields[keys.count...].allSatisfy({ $0.isEmpty }) {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: record.line,
                        message: "la fila tiene \(record.fields.count) campos y el encabezado \(keys.count)"))
            }
            var cells: [String: String] = [:]
            for (key, value) in zip(keys, record.fields) where !key.isEmpty { cells[key] = value }
            rows.append(RawRow(line: record.line, cells: cells))
        }
        return (rows, diagnostics, reader.dialect)
    }
}

extension DelimitedTable {
    /// The normalized keys of a file's header row and the row's line, for importers that accept more than one
    /// layout and choose by the columns present; the header is the first row naming `anchor` (see the type's
    /// note on title rows).
    static func header(_ url: URL, anchor: String, commentPrefix: Character? = "#") throws
        -> (keys: [String], line: Int)
    {
        let reader = try CSVReader(url: url, commentPrefix: commentPrefix)
        let header = try locateHeader(reader, file: url.lastPathComponent) { $0.contains(anchor) }.header
        return (header.fields.map(HeaderKey.normalize), header.line)
    }

    /// The header record and the records read past it while looking (to be read as data), or the first record
    /// with everything after it when no row within the title allowance is a header.
    private static func locateHeader(
        _ reader: CSVReader, file: String, isHeader: (Set<String>) -> Bool
    ) throws -> (header: CSVRecord, pending: [CSVRecord]) {
        var seen: [CSVRecord] = []
        while seen.count <= maxTitleRows, let record = try reader.next() {
            if record.isBlank { continue }
            if isHeader(Set(record.fields.map(HeaderKey.normalize))) {
                return (record, [])
            }
            seen.append(record)
        }
        guard let first = seen.first else { throw FormatsError.empty(file: file) }
        return (first, Array(seen.dropFirst()))
    }
}
