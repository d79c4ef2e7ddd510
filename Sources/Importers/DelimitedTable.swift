import Domain
import Formats
import Foundation

/// Reads a delimited file with a header row into raw rows keyed by normalized header names.
///
/// Used by importers of small, whole-table files (metas, summaries). Streaming importers use
/// `CSVReader` directly.
enum DelimitedTable {
    /// The header keys and the data rows of a file, or a diagnostic for each required column missing.
    static func read(_ url: URL, required: [String], commentPrefix: Character? = "#") throws
        -> (rows: [RawRow], diagnostics: [Diagnostic], dialect: CSVDialect)
    {
        let reader = try CSVReader(url: url, commentPrefix: commentPrefix)
        let file = url.lastPathComponent
        guard let header = try reader.next() else { throw FormatsError.empty(file: file) }
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
        while let record = try reader.next() {
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
    /// layout and choose by the columns present.
    static func header(_ url: URL, commentPrefix: Character? = "#") throws -> (keys: [String], line: Int) {
        let reader = try CSVReader(url: url, commentPrefix: commentPrefix)
        guard let header = try reader.next() else { throw FormatsError.empty(file: url.lastPathComponent) }
        return (header.fields.map(HeaderKey.normalize), header.line)
    }
}
