import Domain
import Formats
import Foundation

/// Imports directorates, products and subproducts with their physical goals and budget, from the CSV
/// layout documented in the README (``MetasColumns``) or the equivalent JSON document, and the executed
/// physical goals reported to a cut-off month (with the plan, or alone).
public struct MetasImporter: Importer {
    public let options: MetasImportOptions

    public init(options: MetasImportOptions = MetasImportOptions()) {
        self.options = options
    }

    /// Parses and validates a metas file; `.json` files are read as JSON, anything else as delimited text.
    ///
    /// A delimited file has one of two layouts: the planned one (every column of ``MetasColumns/all``, and
    /// optionally executed goals), or executed goals alone (`codigo` and an executed column, for products already
    /// in the ledger).
    public static func parse(_ url: URL, options: MetasImportOptions = MetasImportOptions()) throws
        -> ParsedFile<Metas>
    {
        let file = url.lastPathComponent
        let rows: [RawRow]
        var diagnostics: [Diagnostic]
        var keys: Set<String>
        var executedOnly = false
        if url.pathExtension.lowercased() == "json" {
            (rows, diagnostics) = try MetasJSONReader.rows(url)
            keys = Set(rows.flatMap(\.cells.keys))
            let hasExecuted = ExecutedGoalReading(keys: keys, rows: [], optionMonth: nil).isPresent
            executedOnly = hasExecuted && !MetasColumns.plannedRequired.allSatisfy(keys.contains)
        } else {
            let header = try DelimitedTable.header(url, anchor: MetasColumns.codigo)
            keys = Set(header.keys)
            let hasExecuted = ExecutedGoalReading(keys: keys, rows: [], optionMonth: nil).isPresent
            let missingPlanned = MetasColumns.plannedRequired.filter { !keys.contains($0) }
            executedOnly = hasExecuted && !missingPlanned.isEmpty
            let required = executedOnly ? MetasColumns.executedOnlyRequired : MetasColumns.plannedRequired
            let table = try DelimitedTable.read(url, required: required)
            (rows, diagnostics) = (table.rows, table.diagnostics)
        }
        if diagnostics.containsErrors {
            return ParsedFile(value: Metas(), diagnostics: diagnostics, rowsRead: rows.count)
        }
        var validator = MetasValidator(file: file, options: options)
        let (metas, problems) = validator.validate(rows, keys: keys, executedOnly: executedOnly)
        diagnostics += problems
        if rows.isEmpty {
            diagnostics.append(Diagnostic(file: file, message: "el archivo no tiene productos"))
        }
        return ParsedFile(value: metas, diagnostics: diagnostics, rowsRead: rows.count)
    }

    public var acceptedExtensions: Set<String> { ["csv", "txt", "tsv", "json"] }

    /// Reads the whole file (metas files are small), then hands over its products and subproducts as one record.
    public func read(_ file: ImportFile, emit: (consuming ImportEvent<Metas>) throws -> Void) throws -> ImportReading {
        let parsed = try Self.parse(file.url, options: options)
        let metas = parsed.value
        let split = DiagnosticSplit(parsed.diagnostics, refusesFile: metas.isEmpty)
        try split.emit(emit)
        if !metas.isEmpty { try emit(.record(metas, at: RecordPosition())) }
        return ImportReading(
            shape: file.url.pathExtension.lowercased() == "json" ? "JSON" : "CSV", rowsRead: parsed.rowsRead,
            rowsRejected: split.rejects.count, fileErrors: split.fileErrors)
    }
}
