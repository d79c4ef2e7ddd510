import Domain
import Formats
import Foundation

/// Imports directorates, products and subproducts with their physical goals and budget, from the CSV
/// layout documented in the README (``MetasColumns``) or the equivalent JSON document.
public struct MetasImporter: Importer {
    public init() {}

    /// Parses and validates a metas file; `.json` files are read as JSON, anything else as delimited text.
    public static func parse(_ url: URL) throws -> ParsedFile<Metas> {
        let file = url.lastPathComponent
        let rows: [RawRow]
        var diagnostics: [Diagnostic]
        if url.pathExtension.lowercased() == "json" {
            (rows, diagnostics) = try MetasJSONReader.rows(url)
        } else {
            let required = [
                MetasColumns.ejercicio, MetasColumns.nivel, MetasColumns.codigo, MetasColumns.productoPadre,
                MetasColumns.direccionCodigo, MetasColumns.direccion, MetasColumns.nombre, MetasColumns.unidadMedida,
                MetasColumns.metaFisica, MetasColumns.presupuestoVigente, MetasColumns.entidad,
                MetasColumns.unidadEjecutora, MetasColumns.programa, MetasColumns.actividad,
            ]
            let table = try DelimitedTable.read(url, required: required)
            (rows, diagnostics) = (table.rows, table.diagnostics)
        }
        if diagnostics.containsErrors {
            return ParsedFile(value: Metas(), diagnostics: diagnostics, rowsRead: rows.count)
        }
        var validator = MetasValidator(file: file)
        let (metas, problems) = validator.validate(rows)
        diagnostics += problems
        if rows.isEmpty {
            diagnostics.append(Diagnostic(file: file, message: "el archivo no tiene productos"))
        }
        return ParsedFile(value: metas, diagnostics: diagnostics, rowsRead: rows.count)
    }

    public var acceptedExtensions: Set<String> { ["csv", "txt", "tsv", "json"] }

    /// Reads the whole file (metas files are small), then hands over its products and subproducts as one record.
    public func read(_ file: ImportFile, emit: (ImportEvent<Metas>) throws -> Void) throws -> ImportReading {
        let parsed = try Self.parse(file.url)
        let metas = parsed.value
        let split = DiagnosticSplit(
            parsed.diagnostics, refusesFile: metas.products.isEmpty && metas.subproducts.isEmpty)
        try split.emit(emit)
        if !metas.products.isEmpty || !metas.subproducts.isEmpty { try emit(.record(metas, at: RecordPosition())) }
        return ImportReading(
            shape: file.url.pathExtension.lowercased() == "json" ? "JSON" : "CSV", rowsRead: parsed.rowsRead,
            rowsRejected: split.rejects.count, fileErrors: split.fileErrors)
    }
}
