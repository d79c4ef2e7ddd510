import Domain
import Foundation
import Formats

/// Reads Guatecompras/MINFIN flat procurement exports (CSV, XLSX or JSON; one row per award line) into
/// ``Procurement`` values, one per NOG.
///
/// Headers are matched by ``ComprasColumn`` (any spelling, accents or case, camelCase from the MINFIN
/// portal); rows above the header (titles, merged cells) are skipped. Text is repaired when it is
/// doubly-encoded UTF-8; `[--No Especificado--]` is empty; amounts accept `Q.`/`Q` prefixes and
/// thousands commas. Numeric dates are read day-first or month-first as decided once for the whole file
/// by ``DateOrderSniffer`` (or forced by the caller). The importer never touches the ledger.
public struct ComprasFlatImporter: Sendable {
    /// Choices the user can make.
    public struct Options: Sendable {
        /// The XLSX sheet to read (first sheet when nil).
        public var sheet: String?
        /// Force the date order instead of deciding it from the values.
        public var dateOrder: DateOrder?
        public init(sheet: String? = nil, dateOrder: DateOrder? = nil) {
            self.sheet = sheet
            self.dateOrder = dateOrder
        }
    }

    /// The `import_run.source_kind` of these files.
    public static let sourceKind = "compras-flat"
    /// Rows scanned for the header before giving up.
    static let headerSearchRows = 30

    public let options: Options
    public let catalog: ModalityCatalog

    public init(options: Options = Options(), catalog: ModalityCatalog = .bundled) {
        self.options = options
        self.catalog = catalog
    }

    /// Reads a file.
    /// - Parameter progress: called every 2,000 rows with the number of rows read so far.
    /// - Throws: ``FormatsError`` for unreadable or hostile files, ``ImportError/wrongKind(file:expected:detail:)``
    ///   when no header has a NOG column.
    public func read(_ url: URL, progress: (Int64) -> Void = { _ in }) throws -> ComprasFlatImport {
        let file = url.lastPathComponent
        let source = try ComprasRowSource(url: url, sheet: options.sheet)
        var columns: [ComprasColumn: Int]?
        var scanned = 0
        var rows: [ComprasFlatRow] = []
        var diagnostics: [Diagnostic] = []
        var rejectedLines = Set<Int>()
        var rowsRead = 0
        var repaired = 0
        var sniffer = DateOrderSniffer()
        let description = try source.forEachRow(progress: progress) { record in
            guard let mapping = columns else {
                scanned += 1
                columns = ComprasColumn.map(header: record.fields)
                if columns == nil && scanned >= Self.headerSearchRows {
                    throw ImportError.wrongKind(
                        file: file, expected: "exportación de compras de Guatecompras/MINFIN",
                        detail: "no hay una fila de encabezados con la columna NOG (NOG CONCURSO, NOG_CONCURSO o nogConcurso)")
                }
                return
            }
            if record.isBlank { return }
            var values: [ComprasColumn: String] = [:]
            for (column, index) in mapping where index < record.fields.count {
                let outcome = TextRepair.repair(record.fields[index])
                if outcome.changed { repaired += 1 }
                values[column] = Self.clean(outcome.text)
            }
            let nog = values[.nog] ?? ""
            if nog.isEmpty {
                // Trailing "TOTAL" rows of spreadsheet exports carry no NOG: skip them, they are not data.
                if record.fields.contains(where: { HeaderKey.normalize($0).hasPrefix("total") }) { return }
            }
            rowsRead += 1
            var row = ComprasFlatRow(line: record.line, nog: nog, values: values, amount: nil)
            func reject(_ column: ComprasColumn, _ message: String) {
                diagnostics.append(Diagnostic(file: file, line: record.line, field: column.label, message: message))
                rejectedLines.insert(record.line)
            }
            if !Procurement.isValidNOG(nog) {
                reject(.nog, nog.isEmpty ? "falta el NOG" : "«\(nog)» no es un NOG (solo dígitos)")
            }
            if let text = values[.amount], !text.isEmpty {
                do {
                    row.amount = try Money(parsing: text, roundingExtraDecimals: source.shape != .csv)
                } catch {
                    reject(.amount, "«\(text)» no es un monto válido (\((error as? any LocalizedError)?.errorDescription ?? "\(error)"))")
                }
            }
            for column in [ComprasColumn.publishedAt, .awardedAt, .tenderEndAt] {
                if let text = values[column], !text.isEmpty { sniffer.observe(text) }
            }
            rows.append(row)
        }
        guard columns != nil else {
            throw ImportError.wrongKind(
                file: file, expected: "exportación de compras de Guatecompras/MINFIN",
                detail: "no hay una fila de encabezados con la columna NOG")
        }
        let decision = sniffer.decision
        let order = options.dateOrder ?? decision.order
        if options.dateOrder == nil && decision.isInconsistent {
            diagnostics.append(
                Diagnostic(file: file, severity: .error, message: decision.explanation + "; indique el orden con --date-order"))
            rejectedLines.formUnion(rows.map(\.line))
        }
        var assembler = ComprasFlatAssembler(file: file, order: order, catalog: catalog)
        for row in rows where !rejectedLines.contains(row.line) {
            assembler.add(row)
        }
        diagnostics += assembler.diagnostics
        rejectedLines.formUnion(assembler.rejectedLines)
        if repaired > 0 {
            diagnostics.append(Diagnostic(
                file: file, severity: .info,
                message: "\(repaired) valor(es) con doble codificación UTF-8 (p. ej. «NIÃ‘OS») reparados"))
        }
        return ComprasFlatImport(
            fileName: file, shapeDescription: description, procurements: assembler.procurements(excluding: rejectedLines),
            diagnostics: diagnostics, rowsRead: rowsRead, rowsRejected: rejectedLines.count, repairedValues: repaired,
            dateDecision: decision.numericValues > 0 ? decision : nil, dateOrder: order)
    }

    /// Trims, collapses inner whitespace, and empties Guatecompras' `[--No Especificado--]` placeholder.
    static func clean(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" }).joined(separator: " ")
        return NOGPlaceholder.isPlaceholder(collapsed) ? "" : collapsed
    }
}
