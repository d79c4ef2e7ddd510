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
        /// Options; by default the first sheet and a date order decided from the values.
        public init(sheet: String? = nil, dateOrder: DateOrder? = nil) {
            self.sheet = sheet
            self.dateOrder = dateOrder
        }
    }

    /// The `import_run.source_kind` of these files.
    public static let sourceKind = "compras-flat"
    /// Rows scanned for the header before giving up.
    static let headerSearchRows = 30

    /// The user's choices.
    public let options: Options
    /// The modality catalog that turns MODALIDAD text into codes.
    public let catalog: ModalityCatalog

    /// An importer with these options and catalog.
    public init(options: Options = Options(), catalog: ModalityCatalog = .bundled) {
        self.options = options
        self.catalog = catalog
    }

    /// Reads a file in one pass, parking its rows in `stage`, then hands over one procurement per NOG.
    ///
    /// Memory does not grow with the file: rows go to `stage` as they are read (the date order is decided
    /// meanwhile from every date value), and once the file is read the NOGs come back from `stage` one at a time
    /// to be assembled and passed to `deliver`, in order of first appearance. NOGs with a rejected line are not
    /// delivered. Only the diagnostics (problems found) are kept.
    /// - Parameters:
    ///   - stage: where rows wait until their NOG is complete.
    ///   - progress: called every 2,000 rows with the rows and bytes read so far (bytes are 0 when unknown).
    ///   - deliver: receives each accepted procurement.
    /// - Throws: ``FormatsError`` for unreadable or hostile files, ``ImportError/wrongKind(file:expected:detail:)``
    ///   when no header has a NOG column, or whatever `stage` and `deliver` throw.
    public func read(
        _ url: URL, stage: some ComprasRowStage, progress: (Int64, Int64) -> Void = { _, _ in },
        deliver: (Procurement) throws -> Void
    ) throws -> ComprasFlatImport {
        let file = url.lastPathComponent
        let source = try ComprasRowSource(url: url, sheet: options.sheet)
        var columns: [ComprasColumn: Int]?
        var scanned = 0
        var diagnostics: [Diagnostic] = []
        var rejectedLines = Set<Int>()
        // NOGs with a line rejected while reading: a NOG is all-or-nothing (bounded by the errors, not the file).
        var rejectedNOGs = Set<String>()
        var rowsRead = 0
        var repaired = 0
        var roundedAmounts = 0
        var repairExample: (String, String)?
        var sniffer = DateOrderSniffer()
        let (description, replacedCharacters) = try source.forEachRow(progress: progress) { record in
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
            var values = [String](repeating: "", count: ComprasColumn.allCases.count)
            for (column, index) in mapping where index < record.fields.count {
                let outcome = TextRepair.repair(record.fields[index])
                if outcome.changed {
                    repaired += 1
                    if repairExample == nil { repairExample = (record.fields[index], outcome.text) }
                }
                values[column.position] = Self.clean(outcome.text)
            }
            let nog = values[ComprasColumn.nog.position]
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
            if case let text = values[ComprasColumn.amount.position], !text.isEmpty {
                do {
                    // XLSX numeric cells and JSON numbers went through binary floats: only their noise is rounded.
                    let parsed = try Money.parse(text, extraDecimals: source.shape == .csv ? .refuse : .roundFloatNoise)
                    if parsed.amount < .zero {
                        reject(.amount, "el monto adjudicado \(parsed.amount.formatted) es negativo; una adjudicación no puede serlo")
                    } else {
                        if parsed.roundedFloatNoise { roundedAmounts += 1 }
                        row.amount = parsed.amount
                    }
                } catch {
                    reject(.amount, "«\(text)» no es un monto válido (\((error as? any LocalizedError)?.errorDescription ?? "\(error)"))")
                }
            }
            for column in [ComprasColumn.publishedAt, .awardedAt, .tenderEndAt] {
                if case let text = values[column.position], !text.isEmpty { sniffer.observe(text) }
            }
            if rejectedLines.contains(record.line) {
                rejectedNOGs.insert(nog)
            } else {
                try stage.add(nog: nog, line: record.line, payload: row.payload)
            }
        }
        guard columns != nil else {
            throw ImportError.wrongKind(
                file: file, expected: "exportación de compras de Guatecompras/MINFIN",
                detail: "no hay una fila de encabezados con la columna NOG")
        }
        let decision = sniffer.decision
        let order = options.dateOrder ?? decision.order
        let rowsRejected: Int
        var delivered = 0
        if options.dateOrder == nil && decision.isInconsistent {
            diagnostics.append(
                Diagnostic(file: file, severity: .error, message: decision.explanation + "; indique el orden con --date-order"))
            rowsRejected = rowsRead
        } else {
            var assembler = ComprasFlatAssembler(file: file, order: order, catalog: catalog)
            var omitted: [Diagnostic] = []
            try stage.forEachGroup { nog, payloads in
                let rows = try payloads.map { payload in
                    guard let row = ComprasFlatRow(nog: nog, payload: payload) else {
                        throw ImportError.invalidFile(file: file, diagnostics: [Diagnostic(
                            file: file, field: ComprasColumn.nog.label,
                            message: "las filas del NOG \(nog) volvieron dañadas del área temporal")])
                    }
                    return row
                }
                let (procurement, dateRejected) = assembler.assemble(rows)
                rejectedLines.formUnion(dateRejected)
                guard !rejectedNOGs.contains(nog) && dateRejected.isEmpty else {
                    // A NOG is all-or-nothing: with one line rejected, its other lines would misstate the process.
                    for row in rows where !rejectedLines.contains(row.line) {
                        omitted.append(Diagnostic(
                            file: file, line: row.line, field: ComprasColumn.nog.label,
                            message: "se omite: otra línea del NOG \(row.nog) tiene errores"))
                        rejectedLines.insert(row.line)
                    }
                    return
                }
                if let procurement {
                    delivered += 1
                    try deliver(procurement)
                }
            }
            diagnostics += assembler.diagnostics
            diagnostics += omitted.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
                .map(\.element)
            rowsRejected = rejectedLines.count
        }
        if replacedCharacters > 0 {
            diagnostics.append(Diagnostic(
                file: file, severity: .warning,
                message: "\(replacedCharacters) carácter(es) inválido(s) (sustitutos UTF-16 sueltos) reemplazados por «\u{FFFD}»; "
                    + "revise esos textos"))
        }
        if repaired > 0 {
            diagnostics.append(Diagnostic(
                file: file, severity: .info,
                message: "\(repaired) valor(es) con doble codificación UTF-8 reparados"
                    + (repairExample.map { " (p. ej. «\($0.0)» → «\($0.1)»)" } ?? "")))
        }
        if roundedAmounts > 0 {
            diagnostics.append(Diagnostic(
                file: file, severity: .info,
                message: "\(roundedAmounts) monto(s) con ruido de coma flotante (p. ej. 1234.5600000001) redondeados al centavo"))
        }
        return ComprasFlatImport(
            fileName: file, shapeDescription: description, procurementsDelivered: delivered,
            diagnostics: diagnostics, rowsRead: rowsRead, rowsRejected: rowsRejected, repairedValues: repaired + roundedAmounts,
            dateDecision: decision.numericValues > 0 ? decision : nil, dateOrder: order)
    }

    /// Trims, collapses inner whitespace, and empties Guatecompras' `[--No Especificado--]` placeholder.
    static func clean(_ text: String) -> String {
        // Fast path for the usual cell: no edge spaces, no tabs, line breaks, NBSP or double spaces.
        var previousWasSpace = true
        var simple = true
        for byte in text.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xA0 || (byte == 0x20 && previousWasSpace) {
                simple = false
                break
            }
            previousWasSpace = byte == 0x20
        }
        if simple && !previousWasSpace && !text.hasPrefix("[") { return text }
        if text.isEmpty { return text }
        let collapsed = text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" }).joined(separator: " ")
        return NOGPlaceholder.isPlaceholder(collapsed) ? "" : collapsed
    }
}
