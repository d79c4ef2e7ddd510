import Domain
import Formats
import Foundation

/// Reads Guatecompras/MINFIN flat procurement exports (CSV, XLSX or JSON; one row per award line) into
/// ``Procurement`` values, one per NOG.
///
/// Headers are matched by ``ComprasColumn`` (any spelling, accents or case, camelCase from the MINFIN
/// portal); rows above the header (titles, merged cells) are skipped. Text is repaired when it is
/// doubly-encoded UTF-8; `[--No Especificado--]` is empty; amounts accept `Q.`/`Q` prefixes and
/// thousands commas. Numeric dates are read day-first or month-first as decided once for the whole file
/// by ``DateOrderSniffer`` (or forced by the caller). The importer never touches the ledger.
public struct ComprasFlatImporter: Importer {
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

    public var acceptedExtensions: Set<String> { ["csv", "txt", "tsv", "xlsx", "json"] }

    /// Reads a file in one pass, parking its rows in the file's staging area, then hands over one procurement per
    /// NOG.
    ///
    /// Memory does not grow with the file: rows go to the stage as they are read (the date order is decided
    /// meanwhile from every date value), and once the file is read the NOGs come back from the stage one at a time
    /// to be assembled and handed over, in order of first appearance. A NOG with a rejected line is not handed
    /// over (its other lines are rejected with it): a NOG is all-or-nothing.
    /// - Throws: ``FormatsError`` for unreadable or hostile files, ``ImportError/wrongKind(file:expected:detail:)``
    ///   when no header has a NOG column, or whatever the stage and `emit` throw.
    public func read(_ file: ImportFile, emit: (consuming ImportEvent<Procurement>) throws -> Void) throws
        -> ImportReading
    {
        try readFile(file, emit: emit).reading
    }

    /// ``read(_:emit:)``, also saying how the order of numeric dates was decided.
    func readFile(_ file: ImportFile, emit: (consuming ImportEvent<Procurement>) throws -> Void) throws
        -> (reading: ImportReading, decision: DateOrderSniffer.Decision, order: DateOrder)
    {
        let name = file.displayName
        let stage = try file.makeStage()
        let source = try ComprasRowSource(url: file.url, sheet: options.sheet)
        var columns: [ComprasColumn: Int]?
        var scanned = 0
        // Lines rejected so far, as a bitmap: memory does not grow with millions of bad rows. NOGs with a rejected
        // line are marked in the stage, not kept in memory.
        var rejectedLines = LineSet()
        var rowsRead = 0
        var sniffer = DateOrderSniffer()
        var progressed: (rows: Int64, bytes: Int64)?
        let (description, replacedCharacters) = try source.forEachRow(progress: { progressed = ($0, $1) }) { record in
            if let position = progressed {
                progressed = nil
                try emit(.progress(bytes: position.bytes, rows: Int(position.rows)))
            }
            guard let mapping = columns else {
                scanned += 1
                columns = ComprasColumn.map(header: record.fields)
                if columns == nil && scanned >= Self.headerSearchRows {
                    throw ImportError.wrongKind(
                        file: name, expected: "exportación de compras de Guatecompras/MINFIN",
                        detail:
                            "no hay una fila de encabezados con la columna NOG (NOG CONCURSO, NOG_CONCURSO o nogConcurso)"
                    )
                }
                return
            }
            if record.isBlank { return }
            var values = [String](repeating: "", count: ComprasColumn.allCases.count)
            for (column, index) in mapping where index < record.fields.count {
                let outcome = TextRepair.repair(record.fields[index])
                if outcome.changed {
                    try emit(
                        .repaired(
                            ValueRepair(
                                line: record.line, field: column.label, original: record.fields[index],
                                repaired: outcome.text)))
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
            var problem: Diagnostic?
            func reject(_ column: ComprasColumn, _ message: String) throws {
                let diagnostic = Diagnostic(file: name, line: record.line, field: column.label, message: message)
                // One reject per row; a second problem of the same row is a note under it.
                if problem == nil { problem = diagnostic } else { try emit(.diagnostic(diagnostic)) }
            }
            if !Procurement.isValidNOG(nog) {
                try reject(.nog, nog.isEmpty ? "falta el NOG" : "«\(nog)» no es un NOG (solo dígitos)")
            }
            if case let text = values[ComprasColumn.amount.position], !text.isEmpty {
                do {
                    // XLSX numeric cells and JSON numbers went through binary floats: only their noise is rounded.
                    let parsed = try Money.parse(text, extraDecimals: source.shape == .csv ? .refuse : .roundFloatNoise)
                    if parsed.amount < .zero {
                        try reject(
                            .amount,
                            "el monto adjudicado \(parsed.amount.formatted) es negativo; una adjudicación no puede serlo"
                        )
                    } else {
                        if parsed.roundedFloatNoise {
                            try emit(
                                .repaired(
                                    ValueRepair(
                                        line: record.line, field: ComprasColumn.amount.label, original: text,
                                        repaired: parsed.amount.plainText, basis: "ruido de coma flotante")))
                        }
                        row.amount = parsed.amount
                    }
                } catch {
                    try reject(
                        .amount,
                        "«\(text)» no es un monto válido (\((error as? any LocalizedError)?.errorDescription ?? "\(error)"))"
                    )
                }
            }
            for column in [ComprasColumn.publishedAt, .awardedAt, .tenderEndAt] {
                if case let text = values[column.position], !text.isEmpty { sniffer.observe(text) }
            }
            if let problem {
                try emit(.rejected(problem))
                rejectedLines.insert(record.line)
                try stage.markRejected(group: nog, sequence: record.line)
            } else {
                try stage.add(group: nog, sequence: record.line, payload: row.payload)
            }
        }
        guard columns != nil else {
            throw ImportError.wrongKind(
                file: name, expected: "exportación de compras de Guatecompras/MINFIN",
                detail: "no hay una fila de encabezados con la columna NOG")
        }
        let decision = sniffer.decision
        let order = options.dateOrder ?? decision.order
        var fileErrors: [Diagnostic] = []
        var notes: [String] = []
        if decision.numericValues > 0 {
            notes.append(
                options.dateOrder == nil
                    ? decision.explanation : "fechas leídas como \(order.displayName) (indicado con --date-order)")
        }
        if options.dateOrder == nil && decision.isInconsistent {
            fileErrors.append(
                Diagnostic(
                    file: name, severity: .error, message: decision.explanation + "; indique el orden con --date-order")
            )
        } else {
            var assembler = ComprasFlatAssembler(file: name, order: order, catalog: catalog)
            try stage.forEachGroup { nog, payloads, nogRejected in
                let rows = try payloads.map { payload in
                    guard let row = ComprasFlatRow(nog: nog, payload: payload) else {
                        throw ImportError.invalidFile(
                            file: name,
                            diagnostics: [
                                Diagnostic(
                                    file: name, field: ComprasColumn.nog.label,
                                    message: "las filas del NOG \(nog) volvieron dañadas del área temporal")
                            ])
                    }
                    return row
                }
                let (procurement, dateRejected) = assembler.assemble(rows)
                for line in dateRejected { rejectedLines.insert(line) }
                guard !nogRejected && dateRejected.isEmpty else {
                    // A NOG is all-or-nothing: with one line rejected, its other lines would misstate the process.
                    for row in rows where !rejectedLines.contains(row.line) {
                        try emit(
                            .rejected(
                                Diagnostic(
                                    file: name, line: row.line, field: ComprasColumn.nog.label,
                                    message: "se omite: otra línea del NOG \(row.nog) tiene errores")))
                        rejectedLines.insert(row.line)
                    }
                    return
                }
                if let procurement { try emit(.record(procurement, at: RecordPosition(line: rows.first?.line))) }
            }
            // Date errors name their lines: each is that line's reject.
            try DiagnosticSplit(assembler.diagnostics).emit(emit)
        }
        if replacedCharacters > 0 {
            try emit(
                .diagnostic(
                    Diagnostic(
                        file: name, severity: .warning,
                        message:
                            "\(replacedCharacters) carácter(es) inválido(s) (sustitutos UTF-16 sueltos) reemplazados por «\u{FFFD}»; "
                            + "revise esos textos")))
        }
        let reading = ImportReading(
            shape: description, rowsRead: rowsRead, rowsRejected: fileErrors.isEmpty ? rejectedLines.count : rowsRead,
            notes: notes, fileErrors: fileErrors)
        return (reading, decision, order)
    }

    /// Reads a file through `stage`, collecting what an import would report (for tests and small files).
    public func read(
        _ url: URL, stage: some RowStage, deliver: (Procurement) throws -> Void
    ) throws -> ComprasFlatImport {
        nonisolated(unsafe) let stage = stage
        var diagnostics: [Diagnostic] = []
        var delivered = 0
        var repaired = 0
        let (reading, decision, order) = try readFile(ImportFile(url: url, makeStage: { stage })) { event in
            switch event {
            case .record(let procurement, _):
                delivered += 1
                try deliver(procurement)
            case .rejected(let diagnostic), .diagnostic(let diagnostic): diagnostics.append(diagnostic)
            case .repaired: repaired += 1
            case .progress: break
            }
        }
        diagnostics += reading.fileErrors
        return ComprasFlatImport(
            fileName: url.lastPathComponent, shapeDescription: reading.shape, procurementsDelivered: delivered,
            diagnostics: diagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) }, rowsRead: reading.rowsRead,
            rowsRejected: reading.rowsRejected, repairedValues: repaired,
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
