import Domain
import Formats
import Foundation

/// Imports a published summary table ("declared summary"): one row per product with its amount and the
/// percentage the document prints, plus the document's own total row.
///
/// Columns: `ejercicio, producto, producto_codigo (optional), monto, porcentaje_declarado`. A row whose
/// `producto` starts with "total" is the total row. Amounts and percentages are taken as printed
/// (`Q 29,634,540.00`, `57%`), so the checks can judge the document itself.
public struct DeclaredSharesImporter: Importer {
    public init() {}

    public static let requiredColumns = ["ejercicio", "producto", "monto", "porcentaje_declarado"]

    /// Parses and validates a summary file.
    public static func parse(_ url: URL) throws -> ParsedFile<[DeclaredShare]> {
        let file = url.lastPathComponent
        let table = try DelimitedTable.read(url, required: requiredColumns)
        var diagnostics = table.diagnostics
        guard !diagnostics.containsErrors else { return ParsedFile(value: [], diagnostics: diagnostics, rowsRead: 0) }
        var parsing = FieldParsing(file: file)
        var shares: [DeclaredShare] = []
        for row in table.rows {
            let ejercicio = parsing.integer(row, "ejercicio")
            let label = parsing.text(row, "producto")
            let amount = parsing.money(row, "monto", required: true)
            let percent = percentText(row["porcentaje_declarado"])
            if percent == nil {
                parsing.fail(row, "porcentaje_declarado", "«\(row["porcentaje_declarado"])» no es un porcentaje")
            }
            guard let ejercicio, let label, let amount, let percent, let line = row.line else { continue }
            let code = row["producto_codigo"]
            shares.append(
                DeclaredShare(
                    ejercicio: ejercicio, line: line, label: label, productCode: code.isEmpty ? nil : code,
                    amount: amount,
                    declaredPercent: percent, isTotal: label.lowercased().hasPrefix("total")))
        }
        diagnostics += parsing.diagnostics
        for year in Set(shares.map(\.ejercicio)) where shares.filter({ $0.ejercicio == year && $0.isTotal }).count > 1 {
            diagnostics.append(
                Diagnostic(file: file, field: "producto", message: "el resumen \(year) tiene más de una fila de total"))
        }
        if table.rows.isEmpty { diagnostics.append(Diagnostic(file: file, message: "el archivo no tiene filas")) }
        return ParsedFile(value: shares, diagnostics: diagnostics, rowsRead: table.rows.count)
    }

    /// `16.64%` → `16.64`; `57 %` → `57`; nil when not a number.
    static func percentText(_ raw: String) -> String? {
        let text = raw.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        return text
    }

    public var acceptedExtensions: Set<String> { ["csv", "txt", "tsv"] }

    /// Reads the whole table (a summary is a few rows), then hands over its rows.
    public func read(_ file: ImportFile, emit: (consuming ImportEvent<DeclaredShare>) throws -> Void) throws
        -> ImportReading
    {
        let parsed = try Self.parse(file.url)
        let split = DiagnosticSplit(parsed.diagnostics, refusesFile: parsed.value.isEmpty)
        try split.emit(emit)
        for share in parsed.value { try emit(.record(share, at: RecordPosition(line: share.line))) }
        return ImportReading(
            shape: "CSV", rowsRead: parsed.rowsRead, rowsRejected: split.rejects.count, fileErrors: split.fileErrors)
    }
}
