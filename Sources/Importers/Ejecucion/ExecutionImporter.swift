import Domain
import Formats
import Foundation

/// Reads a budget-execution file of any supported layout into one snapshot and its diagnostics.
///
/// Layouts: SICOIN-style CSV (UTF-8 or Latin-1, `,` or `;`, title rows above the header, totals rows),
/// MINFIN open-data CSV (camelCase headers), and CKAN `datastore_search` JSON responses. The reader never
/// writes: the ledger stores the result only when the CLI decides the file is importable.
///
/// Imports keep memory bounded whatever the file's size: ``stream(_:options:each:)`` hands each valid line
/// over as soon as its row is read and keeps none; the caller writes it inside a transaction and keeps the
/// transaction only if the whole file turns out importable.
public enum ExecutionImporter {
    /// Reads a file and keeps every valid line in memory (for small files and tests; imports stream instead).
    /// - Throws: ``ImportError`` when the file is not an expenditure-execution file, lacks required columns or
    ///   is a truncated page; ``Formats/FormatsError`` when it cannot be read.
    public static func read(_ url: URL, options: ExecutionImportOptions = ExecutionImportOptions()) throws
        -> ExecutionImport
    {
        var lines: [BudgetLine] = []
        let scan = try stream(url, options: options) { lines.append($0) }
        return ExecutionImport(scan: scan, lines: lines)
    }

    /// Validates a whole file without keeping its lines: diagnostics, counts, period and totals.
    /// - Throws: as ``read(_:options:)``.
    public static func scan(_ url: URL, options: ExecutionImportOptions = ExecutionImportOptions()) throws
        -> ExecutionScan
    {
        try stream(url, options: options) { _ in }
    }

    /// Reads a file, handing each valid line to `each` as soon as its row is read (in file order, each line
    /// once), and returns what the whole file turned out to be: whether it may be imported is only known then.
    ///
    /// A file with coded totals rows (`SUBTOTAL PROGRAMA 11`) is read a second time, without handing lines
    /// over, to add up the rows those codes select (they may come before the totals row). A file with a damaged
    /// name that nothing read so far settles is read once more, for undamaged copies of the same code's name.
    /// - Throws: as ``read(_:options:)``, and whatever `each` throws.
    /// - Parameter rowDiagnostic: receives the problems of each detail row as it is read, so they are not kept
    ///   (a file with millions of bad rows stays in bounded memory); without it they come back in the scan.
    public static func stream(
        _ url: URL, options: ExecutionImportOptions = ExecutionImportOptions(),
        repaired: (ValueRepair) throws -> Void = { _ in }, rowDiagnostic: ((Diagnostic) throws -> Void)? = nil,
        each: (consuming BudgetLine) throws -> Void
    ) throws -> ExecutionScan {
        // A damaged name whose undamaged copy comes later in the file is settled by one more reading, done only
        // when such a name turns up (lines already handed over had no unsettled name).
        let learn = {
            try pass(url, options: options, rows: ExecutionRowSink(totalsFilters: [], each: { _ in })).learnedNames
        }
        let first = try withoutActuallyEscaping(each) { each in
            try withoutActuallyEscaping(repaired) { repaired in
                try Self.withOptionalEscaping(rowDiagnostic) { rowDiagnostic in
                    try pass(
                        url, options: options,
                        rows: ExecutionRowSink(
                            totalsFilters: [], each: each, repaired: repaired, rowDiagnostic: rowDiagnostic,
                            learnNames: learn))
                }
            }
        }
        guard !first.unresolvedFilters.isEmpty else { return first }
        return try pass(
            url, options: options, rows: ExecutionRowSink(totalsFilters: first.unresolvedFilters, each: { _ in }))
    }

    /// `withoutActuallyEscaping` for an optional closure.
    private static func withOptionalEscaping<R>(
        _ closure: ((Diagnostic) throws -> Void)?, _ body: (((Diagnostic) throws -> Void)?) throws -> R
    ) throws -> R {
        guard let closure else { return try body(nil) }
        return try withoutActuallyEscaping(closure) { try body($0) }
    }

    /// One reading, choosing the layout by its extension (`.json` → CKAN, `.xlsx` → spreadsheet, else CSV).
    static func pass(_ url: URL, options: ExecutionImportOptions, rows: ExecutionRowSink) throws -> ExecutionScan {
        switch url.pathExtension.lowercased() {
        case "json": try CKANExecutionReader.read(url, options: options, rows: rows)
        case "xlsx":
            try XLSXReader.withSheet(url: url) { reader in
                // Numeric cells are binary floats: their noise is rounded, a real third decimal is not.
                try readRecords(
                    file: url.lastPathComponent, options: options, format: "XLSX (hoja «\(reader.sheetName)»)",
                    extraDecimals: .roundFloatNoise, rows: rows, next: reader.next)
            }
        default: try readCSV(url, options: options, rows: rows)
        }
    }

    /// How many leading records may be titles before the header row (SICOIN reports print a few).
    static let maxTitleRows = 20
    /// How many records decide the number style.
    static let styleSample = 200

    static func readCSV(_ url: URL, options: ExecutionImportOptions, rows: ExecutionRowSink) throws -> ExecutionScan {
        // The separator is sniffed from the table's shape (``Formats/DelimiterSniffer``) unless the user forces it.
        let reader = try CSVReader(url: url, delimiter: options.delimiter)
        let format = "CSV (\(reader.dialect.encoding.displayName), \(reader.dialect.delimiterName))"
        // Tokenizing and decoding run on a thread of their own, ahead of the row mapping; records come as bytes,
        // from which the mapping reads codes and amounts without a string per cell.
        let records = CSVPrefetcher(reader)
        defer { records.stop() }
        return try readRecords(
            file: url.lastPathComponent, options: options, format: format, rows: rows, next: records.nextBytes)
    }

    /// Finds the header row below any title rows, then reads the rest as data.
    static func readRecords<Row: ExecutionRow>(
        file: String, options: ExecutionImportOptions, format: String, extraDecimals: Money.ExtraDecimals = .refuse,
        rows: ExecutionRowSink, next: () throws -> Row?
    ) throws -> ExecutionScan {
        var skipped = 0
        var headerRecord: [String]?
        var titles: [String] = []
        while let record = try next() {
            let fields = record.cells(padding: 0)
            if looksLikeHeader(fields) {
                headerRecord = fields
                break
            }
            titles.append(fields.filter { !$0.isEmpty }.joined(separator: " "))
            skipped += 1
            if skipped >= maxTitleRows { break }
        }
        guard let headerRecord else {
            throw ImportError.missingColumns(
                file: file, kind: "ejecución presupuestaria",
                columns: [
                    "no se encontró una fila de encabezados con renglón y montos en las primeras \(maxTitleRows) filas"
                ])
        }
        return try readRows(
            header: headerRecord, file: file, options: options, format: format, extraDecimals: extraDecimals,
            rows: rows, stated: StatedCutoff.find(in: titles), nextRow: next)
    }

    /// Feeds rows of text cells (spreadsheets, JSON) through the parser, deciding the number style from the first
    /// rows.
    static func readRows(
        header fields: [String], file: String, options: ExecutionImportOptions, format: String,
        extraDecimals: Money.ExtraDecimals = .refuse, lineWord: String = "línea", rows: ExecutionRowSink,
        stated: StatedCutoff? = nil,
        next: () throws -> (fields: [String], line: Int)?
    ) throws -> ExecutionScan {
        try readRows(
            header: fields, file: file, options: options, format: format, extraDecimals: extraDecimals,
            lineWord: lineWord, rows: rows, stated: stated
        ) { try next().map { CSVRecord(line: $0.line, fields: $0.fields) } }
    }

    /// Feeds rows from any source through the parser, deciding the number style from the first rows.
    static func readRows<Row: ExecutionRow>(
        header fields: [String], file: String, options: ExecutionImportOptions, format: String,
        extraDecimals: Money.ExtraDecimals = .refuse, lineWord: String = "línea", rows: ExecutionRowSink,
        stated: StatedCutoff? = nil,
        nextRow next: () throws -> Row?
    ) throws -> ExecutionScan {
        let header = try ExecutionHeader(fields, file: file, ejercicioGiven: options.ejercicio != nil)
        var sample: [Row] = []
        while sample.count < styleSample, let row = try next() { sample.append(row) }
        let amountColumns =
            ExecutionField.amountFields.compactMap { header.codeColumns[$0] } + Array(header.monthColumns.values)
        let style = NumberStyleSniffer.sniff(
            sample.flatMap { row in amountColumns.compactMap { $0 < row.cellCount ? row.cell($0) : nil } })
        let parser = ExecutionTableParser(
            header: header, file: file, options: options, style: style, extraDecimals: extraDecimals,
            lineWord: lineWord,
            stated: stated, totalsFilters: rows.totalsFilters, learnNames: rows.learnNames, repaired: rows.repaired,
            onRowDiagnostic: rows.rowDiagnostic, emit: rows.each)
        for row in sample { try parser.consume(row) }
        sample = []
        while let row = try next() { try parser.consume(row) }
        let styleNote = style == .decimalComma ? ", coma decimal" : ""
        return parser.finish(formatDescription: format + styleNote)
    }

    /// A header row names a renglón column and at least one amount column.
    static func looksLikeHeader(_ fields: [String]) -> Bool {
        let keys = Set(fields.map(HeaderKey.normalize))
        let hasRenglon = !keys.isDisjoint(with: ExecutionField.renglon.codeHeaders)
        let hasAmount = !keys.isDisjoint(
            with: ExecutionField.vigente.codeHeaders + ExecutionField.devengado.codeHeaders)
        let isRevenue = keys.contains("percibido") || keys.contains("codigo_recurso")
        return (hasRenglon && hasAmount) || isRevenue
    }
}
