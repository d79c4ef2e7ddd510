import Domain
import Formats
import Foundation

/// Reads a budget-execution file of any supported layout into one snapshot and its diagnostics.
///
/// Layouts: SICOIN-style CSV (UTF-8 or Latin-1, `,` or `;`, title rows above the header, totals rows),
/// MINFIN open-data CSV (camelCase headers), and CKAN `datastore_search` JSON responses. The reader never
/// writes: the ledger stores the result only when the CLI decides the file is importable.
///
/// Imports read a file twice so memory stays bounded whatever its size: ``scan(_:options:)`` validates every
/// row and keeps no line; if the file may be imported, ``stream(_:options:expecting:each:)`` reads it again
/// and hands each valid line to the ledger as it is read.
public enum ExecutionImporter {
    /// Reads a file and keeps every valid line in memory (for small files and tests; imports stream instead).
    /// - Throws: ``ImportError`` when the file is not an expenditure-execution file, lacks required columns or
    ///   is a truncated page; ``Formats/FormatsError`` when it cannot be read.
    public static func read(_ url: URL, options: ExecutionImportOptions = ExecutionImportOptions()) throws -> ExecutionImport {
        var lines: [BudgetLine] = []
        let scan = try passes(url, options: options, each: { lines.append($0) }, restart: { lines.removeAll() })
        return ExecutionImport(scan: scan, lines: lines)
    }

    /// Validates a whole file without keeping its lines: diagnostics, counts, period and totals.
    /// - Throws: as ``read(_:options:)``.
    public static func scan(_ url: URL, options: ExecutionImportOptions = ExecutionImportOptions()) throws -> ExecutionScan {
        try passes(url, options: options, each: { _ in }, restart: {})
    }

    /// Reads a file that ``scan(_:options:)`` found importable again and hands each valid line to `each` as
    /// soon as its row is read.
    /// - Throws: ``ImportError/changedDuringImport(file:)`` when this reading does not find what the scan found
    ///   (the file changed in between; a caller writing inside a transaction then keeps nothing), any error
    ///   `each` throws, and the errors of ``read(_:options:)``.
    public static func stream(
        _ url: URL, options: ExecutionImportOptions = ExecutionImportOptions(), expecting expected: ExecutionScan,
        each: (BudgetLine) throws -> Void
    ) throws {
        let again = try withoutActuallyEscaping(each) { each in
            try pass(url, options: options, totalsFilters: expected.totalsFilters, each: each)
        }
        guard again == expected else { throw ImportError.changedDuringImport(file: url.lastPathComponent) }
    }

    /// Reads a file once, or twice when it has coded totals rows (their sums need their codes known first).
    private static func passes(
        _ url: URL, options: ExecutionImportOptions, each: (BudgetLine) throws -> Void, restart: () -> Void
    ) throws -> ExecutionScan {
        try withoutActuallyEscaping(each) { each in
            let first = try pass(url, options: options, totalsFilters: [], each: each)
            guard !first.unresolvedFilters.isEmpty else { return first }
            restart()
            return try pass(url, options: options, totalsFilters: first.unresolvedFilters, each: each)
        }
    }

    /// One reading, choosing the layout by its extension (`.json` → CKAN, `.xlsx` → spreadsheet, else CSV).
    static func pass(
        _ url: URL, options: ExecutionImportOptions, totalsFilters: Set<ExecutionTotalsCheck.Filter>,
        each: @escaping (BudgetLine) throws -> Void
    ) throws -> ExecutionScan {
        let rows = RowSink(totalsFilters: totalsFilters, each: each)
        return switch url.pathExtension.lowercased() {
        case "json": try CKANExecutionReader.read(url, options: options, rows: rows)
        case "xlsx":
            try XLSXReader.withSheet(url: url) { reader in
                try readRecords(
                    file: url.lastPathComponent, options: options, format: "XLSX (hoja «\(reader.sheetName)»)",
                    rows: rows, next: reader.next)
            }
        default: try readCSV(url, options: options, rows: rows)
        }
    }

    /// Where one reading's valid lines go, and the coded totals whose sums it keeps.
    struct RowSink {
        var totalsFilters: Set<ExecutionTotalsCheck.Filter>
        var each: (BudgetLine) throws -> Void
    }

    /// How many leading records may be titles before the header row (SICOIN reports print a few).
    static let maxTitleRows = 20
    /// How many records decide the number style.
    static let styleSample = 200

    static func readCSV(_ url: URL, options: ExecutionImportOptions, rows: RowSink) throws -> ExecutionScan {
        let reader = try CSVReader(url: url, delimiter: try sniffDelimiter(url))
        return try readRecords(
            file: url.lastPathComponent, options: options,
            format: "CSV (\(reader.dialect.encoding.displayName), \(reader.dialect.delimiterName))", rows: rows,
            next: reader.next)
    }

    /// Finds the header row below any title rows, then reads the rest as data.
    static func readRecords(
        file: String, options: ExecutionImportOptions, format: String, rows: RowSink, next: () throws -> CSVRecord?
    ) throws -> ExecutionScan {
        var skipped = 0
        var headerRecord: CSVRecord?
        while let record = try next() {
            if looksLikeHeader(record.fields) { headerRecord = record; break }
            skipped += 1
            if skipped >= maxTitleRows { break }
        }
        guard let headerRecord else {
            throw ImportError.missingColumns(
                file: file, kind: "ejecución presupuestaria",
                columns: ["no se encontró una fila de encabezados con renglón y montos en las primeras \(maxTitleRows) filas"])
        }
        return try readRows(header: headerRecord.fields, file: file, options: options, format: format, rows: rows) {
            try next().map { ($0.fields, $0.line) }
        }
    }

    /// Feeds rows from any source (CSV, spreadsheet) through the parser, deciding the number style from
    /// the first rows.
    static func readRows(
        header fields: [String], file: String, options: ExecutionImportOptions, format: String,
        lineWord: String = "línea", rows: RowSink, next: () throws -> (fields: [String], line: Int)?
    ) throws -> ExecutionScan {
        let header = try ExecutionHeader(fields, file: file, ejercicioGiven: options.ejercicio != nil)
        var sample: [(fields: [String], line: Int)] = []
        while sample.count < styleSample, let row = try next() { sample.append(row) }
        let amountColumns = ExecutionField.amountFields.compactMap { header.codeColumns[$0] } + Array(header.monthColumns.values)
        let style = NumberStyleSniffer.sniff(sample.flatMap { row in amountColumns.compactMap { $0 < row.fields.count ? row.fields[$0] : nil } })
        let parser = ExecutionTableParser(
            header: header, file: file, options: options, style: style, lineWord: lineWord,
            totalsFilters: rows.totalsFilters, emit: rows.each)
        for row in sample { try parser.consume(row.fields, line: row.line) }
        sample = []
        while let row = try next() { try parser.consume(row.fields, line: row.line) }
        let styleNote = style == .decimalComma ? ", coma decimal" : ""
        return parser.finish(formatDescription: format + styleNote)
    }

    /// The separator with the most occurrences on any of the first lines. CSVReader sniffs the first line
    /// only, and SICOIN reports start with title lines that have no separator at all.
    static func sniffDelimiter(_ url: URL) throws -> UInt8 {
        let chunk = try ChunkedFileReader(url: url).nextChunk() ?? Data()
        var best: (delimiter: UInt8, count: Int) = (UInt8(ascii: ","), 0)
        for line in chunk.split(separator: UInt8(ascii: "\n")).prefix(maxTitleRows + 1) {
            for delimiter in [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")] {
                var quoted = false
                var count = 0
                for byte in line {
                    if byte == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted && byte == delimiter { count += 1 }
                }
                if count > best.count { best = (delimiter, count) }
            }
        }
        return best.delimiter
    }

    /// A header row names a renglón column and at least one amount column.
    static func looksLikeHeader(_ fields: [String]) -> Bool {
        let keys = Set(fields.map(HeaderKey.normalize))
        let hasRenglon = !keys.isDisjoint(with: ExecutionField.renglon.codeHeaders)
        let hasAmount = !keys.isDisjoint(with: ExecutionField.vigente.codeHeaders + ExecutionField.devengado.codeHeaders)
        let isRevenue = keys.contains("percibido") || keys.contains("codigo_recurso")
        return (hasRenglon && hasAmount) || isRevenue
    }
}
