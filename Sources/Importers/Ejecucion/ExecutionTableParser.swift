import Domain
import Foundation

/// Turns the rows of an execution table (from CSV, XLSX or CKAN JSON alike) into budget lines and diagnostics.
///
/// Rows are fed one at a time; each line without errors is handed to `emit` as soon as its row is read,
/// and none is kept, so memory does not grow with the file (only a packed key per line, for duplicates).
/// ``finish(formatDescription:)`` checks what needs the whole file (one year, one month, totals rows
/// against the detail rows) and returns the result. Lines with errors are counted as rejected.
final class ExecutionTableParser {
    private let header: ExecutionHeader
    private let file: String
    private let options: ExecutionImportOptions
    private let style: NumberStyle
    /// What amounts with digits beyond the centavo are: an error in text files, float noise to round in
    /// spreadsheets and JSON (whose numbers went through binary floating point).
    private let extraDecimals: Money.ExtraDecimals
    /// Amounts whose float noise was rounded to the centavo (reported as a repair).
    private var roundedAmounts = 0
    /// True once the file's amounts added up beyond 64-bit centavos: the totals can no longer be verified.
    private var sumsOverflowed = false
    /// Word used in messages for a source position (`línea` for text files, `registro` for JSON).
    private let lineWord: String

    private let emit: (consuming BudgetLine) throws -> Void
    private let repaired: (ValueRepair) throws -> Void
    /// Receives each problem of a detail row as soon as the row is read (nil: they are kept for the scan).
    private let onRowDiagnostic: ((Diagnostic) throws -> Void)?
    private var linesAccepted = 0
    /// The accepted lines' amounts added up, without the months (kept apart in ``acceptedMonths``).
    private var acceptedTotal = ExecutionAmounts.zero
    /// The accepted lines' monthly devengado added up, by month − 1 (nil: no accepted line gave the month).
    /// A fixed array instead of the month map of ``ExecutionAmounts/add(_:)``, which hashed every month of every
    /// line three times.
    private var acceptedMonths = [Money?](repeating: nil, count: 12)
    /// Where each accepted key was first seen: packed keys (line numbers as Int32 to halve the values),
    /// and the text of keys too long to pack.
    private var firstLineOfKey = CompactKeyTable()
    private var firstLineOfLongKey: [String: Int] = [:]
    private var diagnostics: [Diagnostic] = []
    private var rowsRead = 0
    private var rowsRejected = 0
    /// Detail rows rejected before their amounts could be totalled (unreadable code, amount or year).
    private var untotalledRows = 0
    private var totals: ExecutionTotalsCheck
    private var years: [Int: Int] = [:]
    private var monthsSeen: [Int: Int] = [:]
    /// Renglones the catalog lacks, already warned about.
    private var uncataloguedRenglones = Set<String>()
    /// The cut-off the title rows state, if any.
    private let stated: StatedCutoff?
    /// The latest month with monthly devengado other than zero, and a line where it appears.
    private var lastMonthWithDevengado: (month: Int, line: Int)?
    /// The names of the line being read, by field, as settled.
    private var lineNames: [(String, String)] = []
    /// The last line's names, as settled and as the dictionary its line got: consecutive lines print the same
    /// names, and they share one dictionary (no hashing here, and the ledger sees it is the same at once).
    private var lastNames: (list: [(String, String)], dictionary: [String: String]) = ([], [:])
    /// Repairs names and counts what it did.
    private let nameBook: ExecutionNameBook
    /// The header's columns as arrays the row mapping indexes.
    private let columns: ExecutionColumns
    private var fileLevelErrors = false

    /// - Parameters:
    ///   - totalsFilters: codes of coded totals rows found by an earlier reading, so their sums are kept.
    ///   - emit: receives each line without errors, in file order.
    init(
        header: ExecutionHeader, file: String, options: ExecutionImportOptions, style: NumberStyle,
        extraDecimals: Money.ExtraDecimals = .refuse, lineWord: String = "línea",
        stated: StatedCutoff? = nil, totalsFilters: Set<ExecutionTotalsCheck.Filter> = [],
        learnNames: (() throws -> [BudgetNameKey: String])? = nil,
        repaired: @escaping (ValueRepair) throws -> Void = { _ in },
        onRowDiagnostic: ((Diagnostic) throws -> Void)? = nil, emit: @escaping (consuming BudgetLine) throws -> Void
    ) {
        self.repaired = repaired
        self.onRowDiagnostic = onRowDiagnostic
        self.totals = ExecutionTotalsCheck(filters: totalsFilters)
        self.stated = stated
        self.emit = emit
        self.header = header
        self.file = file
        self.options = options
        self.style = style
        self.extraDecimals = extraDecimals
        self.lineWord = lineWord
        self.nameBook = ExecutionNameBook(
            file: file, known: options.knownNames, catalog: options.rules.catalog, learnLater: learnNames,
            headerName: { [header] field in
                header.nameColumns[field].map { header.original[$0] } ?? header.headerName(field)
            })
        self.columns = ExecutionColumns(header)
    }

    private func diagnose(_ line: Int?, _ field: ExecutionField?, _ severity: Diagnostic.Severity, _ message: String) {
        diagnostics.append(
            Diagnostic(
                file: file, line: line, field: field.map(header.headerName), severity: severity, message: message))
    }

    // MARK: - Rows

    /// Reads one row; a line without errors goes to `emit` before this returns. With ``onRowDiagnostic`` set, the
    /// problems of a detail row go there at once and are not kept (memory does not grow with the bad rows); the
    /// problems of totals rows and of the file as a whole stay for the summary.
    func consume(_ row: some ExecutionRow) throws {
        let start = diagnostics.count
        let isDetail = try consumeRow(row)
        guard isDetail, let onRowDiagnostic, diagnostics.count > start else { return }
        for diagnostic in diagnostics[start...] { try onRowDiagnostic(diagnostic) }
        diagnostics.removeSubrange(start...)
    }

    /// Reads one row; true when it was a detail row (not blank, not a totals row).
    ///
    /// Codes and amounts are read from the cells' bytes when their ends are plain ASCII (nearly every cell of a
    /// national file), and from their text otherwise, with the same result.
    private func consumeRow<Row: ExecutionRow>(_ row: Row) throws -> Bool {
        let line = row.line
        guard (0..<row.cellCount).contains(where: { !row.isBlank($0) }) else { return false }
        func text(_ column: Int?) -> String? { column.map { row.trimmed($0) } }
        if let label = totalsLabel(row) {
            consumeAggregate(label: label, fields: row.cells(padding: header.original.count), line: line)
            return false
        }
        rowsRead += 1
        let before = diagnostics.count
        var hasError: Bool { diagnostics[before...].contains { $0.severity == .error } }

        // Codes
        var codes = ExecutionKeyCodes()
        // Names are repaired once the line's codes are known: a copy of the same code's name may settle them.
        var rawNames: [(ExecutionField, String)] = []
        func nameCell(_ field: ExecutionField, column: Int?, inline: String) {
            let separate = text(column) ?? ""
            let text = separate.isEmpty ? inline : separate
            if !text.isEmpty { rawNames.append((field, text)) }
        }
        for column in columns.codes {
            let (code, name) = codeCell(row, column.column)
            if !code.isEmpty && !Self.isCode(code) {
                diagnose(
                    line, column.field, .error, "«\(code)» no es un código de \(column.field.label) (solo dígitos)")
            }
            codes[column.field] = BudgetKey.normalized(code, width: column.width)
            nameCell(column.field, column: column.nameColumn, inline: name)
        }
        splitFinancing(&codes, line: line)
        for required in Self.requiredCodes where codes[required].isEmpty {
            diagnose(line, required, .error, "falta el código de \(required.label)")
        }
        // By position in ``ExecutionField/classificationWidths``.
        var classification = [String?](repeating: nil, count: ExecutionField.classificationWidths.count)
        for column in columns.classifications {
            let (code, name) = codeCell(row, column.column)
            classification[column.position] = column.width > 0 ? BudgetKey.normalized(code, width: column.width) : code
            nameCell(column.field, column: column.nameColumn, inline: name)
        }
        let (renglonText, renglonName) = codeCell(row, columns.renglon)
        nameCell(.renglon, column: columns.renglonName, inline: renglonName)
        let renglon = Renglon(lenient: renglonText)
        if renglonText.isEmpty {
            diagnose(line, .renglon, .error, "falta el renglón")
        } else if renglon == nil {
            diagnose(
                line, .renglon, .error, "«\(renglonText)» no es un renglón: debe tener tres dígitos (p. ej. 011, 211)")
        } else if let renglon, renglon.number % 10 == 0 {
            // Codes ending in 0 are group and subgroup headings of the classifier, never a budget line.
            diagnose(
                line, .renglon, .error,
                "«\(renglon.rawValue)» es un código de grupo o subgrupo, no un renglón; si la fila es un subtotal, "
                    + "márquela con TOTAL o SUBTOTAL")
        }
        let ejercicio = parseYear(text(columns.ejercicio), line: line)
        if let year = ejercicio ?? options.ejercicio, years[year] == nil { years[year] = line }
        if let mesText = text(columns.mes), !mesText.isEmpty {
            if let mes = Int(mesText), (1...12).contains(mes) {
                if monthsSeen[mes] == nil { monthsSeen[mes] = line }
            } else {
                diagnose(line, .mes, .error, "«\(mesText)» no es un mes (1 a 12)")
            }
        }

        // Amounts, by ``ExecutionField/amountPosition`` (nil: not in the file, or unreadable).
        var amounts = [Money?](repeating: nil, count: ExecutionField.amountOrder.count)
        func amount(_ field: ExecutionField) -> Money? { field.amountPosition.flatMap { amounts[$0] } }
        for (field, position, column) in columns.amounts {
            amounts[position] = parseAmount(row, column, field: field)
        }
        var monthly = MonthlyAmounts()
        for (month, column) in columns.months {
            let amount: Money
            switch quickAmount(row, column) {
            case .empty: continue
            case .plain(let plain): amount = plain
            case .text:
                let text = row.trimmed(column)
                if text.isEmpty { continue }
                do {
                    let parsed = try Money.parse(text, style: style, extraDecimals: extraDecimals)
                    if parsed.roundedFloatNoise { roundedAmounts += 1 }
                    amount = parsed.amount
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: line, field: header.original[column], severity: .error,
                            message: error.errorDescription ?? "«\(text)» no es un monto"))
                    continue
                }
            }
            monthly[month] = amount
            if amount != .zero, month > (lastMonthWithDevengado?.month ?? 0) { lastMonthWithDevengado = (month, line) }
        }
        let asignado = amount(.asignado) ?? .zero
        let vigente = amount(.vigente) ?? .zero
        // The parts of the modifications are kept (LAIP numeral 7 shows them) whenever the file prints them.
        var modificaciones: BudgetModifications?
        var modificado = Money.zero
        do {
            if columns.hasModificationParts {
                // Files write disminuciones and negative traspasos either as positive amounts or with a minus sign.
                func part(_ field: ExecutionField) throws(MoneyOverflowError) -> Money? {
                    try amount(field)?.magnitude
                }
                let parts = try BudgetModifications(
                    adiciones: part(.adicion), disminuciones: part(.disminucion),
                    traspasosPositivos: part(.traspasoPositivo), traspasosNegativos: part(.traspasoNegativo),
                    transferenciasPositivas: part(.transferenciaPositiva),
                    transferenciasNegativas: part(.transferenciaNegativa))
                modificaciones = parts == BudgetModifications() ? nil : parts
            }
            if let net = amount(.modificado) {
                modificado = net
            } else if columns.hasModificationParts {
                modificado = try (modificaciones ?? BudgetModifications()).net
            } else {
                // Without any modification column the file only lets us derive it.
                modificado = try vigente - asignado
            }
        } catch {
            diagnose(
                line, .vigente, .error,
                error.errorDescription ?? "las modificaciones exceden el máximo representable"
            )
        }
        guard !hasError, let renglon, let ejercicio = ejercicio ?? options.ejercicio else {
            if !hasError { diagnose(line, .ejercicio, .error, "falta el ejercicio") }
            rowsRejected += 1
            untotalledRows += 1
            return true
        }
        // Codes the file does not carry stay absent: the key's initializer takes an empty code as none.
        let key = BudgetKey(
            ejercicio: ejercicio, entidad: codes[.entidad], unidadEjecutora: codes[.unidadEjecutora],
            programa: codes[.programa], subprograma: codes[.subprograma], proyecto: codes[.proyecto],
            actividad: codes[.actividad], obra: codes[.obra],
            renglon: renglon, fuente: codes[.fuente], organismo: codes[.organismo], correlativo: codes[.correlativo],
            ubicacionGeografica: codes[.ubicacionGeografica])
        let lineClassification = BudgetClassification(
            tipoPresupuesto: classification[0], finalidad: classification[1], funcion: classification[2],
            division: classification[3], departamento: classification[4], subgrupo: classification[5],
            region: classification[6])
        lineNames.removeAll(keepingCapacity: true)
        for (field, text) in rawNames {
            let nameKey = BudgetNameKey(field: field.rawValue, key: key, classification: lineClassification)
            let (fixed, basis, warning) = try nameBook.repair(text, field: field, nameKey: nameKey, line: line)
            lineNames.append((field.rawValue, fixed))
            if let warning { diagnostics.append(warning) }
            if fixed != text, !NameRepair.isDamaged(fixed) {
                let column = header.nameColumns[field].map { header.original[$0] } ?? header.headerName(field)
                try repaired(
                    ValueRepair(line: line, field: column, original: text, repaired: fixed, basis: basis?.rawValue))
            }
        }
        let names: [String: String]
        // Byte for byte (String's `==` takes canonically equal spellings as equal; each line keeps its own).
        if lineNames.elementsEqual(lastNames.list, by: { $0.0 == $1.0 && $0.1.utf8.elementsEqual($1.1.utf8) }) {
            names = lastNames.dictionary
        } else {
            names = Dictionary(lineNames, uniquingKeysWith: { _, later in later })
            lastNames = (lineNames, names)
        }
        let budgetLine = BudgetLine(
            key: key,
            amounts: ExecutionAmounts(
                asignado: asignado, modificado: modificado, vigente: vigente,
                precomprometido: amount(.precomprometido),
                comprometido: amount(.comprometido), devengado: amount(.devengado) ?? .zero,
                pagado: amount(.pagado) ?? .zero,
                devengadoMensual: monthly, modificaciones: modificaciones),
            classification: lineClassification, names: names, sourceLine: line)
        // Totals rows are compared with every readable detail row, rejected or not, so one bad row does not
        // also make the totals look wrong.
        var totalled = budgetLine.amounts
        totalled.devengadoMensual = [:]
        do { try totals.addDetail(key: key, amounts: totalled) } catch { sumsOverflowed(line: line, error) }
        for diagnostic in options.rules.check(budgetLine, file: file) {
            // A renglón the catalog lacks is said once per code, not on every line that spends on it.
            if diagnostic.severity == .warning, diagnostic.field == "renglon",
                !uncataloguedRenglones.insert(renglon.rawValue).inserted
            {
                continue
            }
            var located = diagnostic
            if let field = located.field, let known = ExecutionField(rawValue: field) {
                located.field = header.headerName(known)
            }
            diagnostics.append(located)
        }
        let compactKey = CompactBudgetKey(key)
        let claim = claim(key, compact: compactKey, line: line)
        if let first = claim.firstLine {
            diagnose(
                line, .renglon, .error,
                "línea presupuestaria duplicada: la misma clave ya está en la \(lineWord) \(first) (\(key.label))")
        }
        if hasError {
            if claim.claimed, let compactKey { firstLineOfKey.remove(compactKey) }
            rowsRejected += 1
            return true
        }
        if !claim.claimed { remember(key, compact: compactKey, line: line) }
        linesAccepted += 1
        do { try addAccepted(budgetLine.amounts) } catch { sumsOverflowed(line: line, error) }
        try emit(budgetLine)
        return true
    }

    /// Adds an accepted line to the file's total, all of it or (on overflow) nothing, as
    /// ``ExecutionAmounts/add(_:)`` does.
    private func addAccepted(_ amounts: ExecutionAmounts) throws(MoneyOverflowError) {
        let months = amounts.devengadoMensual
        // Every month is checked before anything changes.
        try Self.checkMonths(months, against: acceptedMonths)
        var rest = amounts
        rest.devengadoMensual = [:]
        try acceptedTotal.add(rest)
        Self.addMonths(months, to: &acceptedMonths)
    }

    // The months are read and written through one access to the parser's property for the whole loop: element by
    // element, each was a run-time exclusivity check (half of this step's time on a national file).
    private static func checkMonths(_ months: MonthlyAmounts, against totals: [Money?]) throws(MoneyOverflowError) {
        for (month, amount) in months { _ = try (totals[month - 1] ?? .zero) + amount }
    }

    private static func addMonths(_ months: MonthlyAmounts, to totals: inout [Money?]) {
        for (month, amount) in months {
            totals[month - 1] = Money(centavos: (totals[month - 1] ?? .zero).centavos + amount.centavos)
        }
    }

    /// The file's total with its months.
    private var acceptedTotalWithMonths: ExecutionAmounts {
        var total = acceptedTotal
        for (index, amount) in acceptedMonths.enumerated() {
            if let amount { total.devengadoMensual[index + 1] = amount }
        }
        return total
    }

    /// The file's amounts add up beyond 64-bit centavos: a file-level error, reported once.
    private func sumsOverflowed(line: Int, _ error: MoneyOverflowError) {
        fileLevelErrors = true
        guard !sumsOverflowed else { return }
        sumsOverflowed = true
        diagnose(
            line, nil, .error,
            "al llegar a esta \(lineWord) los montos del archivo suman más de lo representable: "
                + (error.errorDescription ?? "desbordamiento"))
    }

    /// The line where an accepted line had this key, if any.
    private func firstLine(of key: BudgetKey, compact: CompactBudgetKey?) -> Int? {
        if let compact, let line = firstLineOfKey.line(of: compact) { return Int(line) }
        // Keys too long to pack, and keys first seen beyond line 2³¹, are kept by their text.
        return firstLineOfLongKey.isEmpty ? nil : firstLineOfLongKey[CompactBudgetKey.text(of: key)]
    }

    /// The line where an accepted line had this key, or (when none had it) the key remembered for this line in the
    /// same look-up, which is most lines: one hashing of the key instead of two. A claimed key is forgotten if the
    /// row turns out to have errors.
    private func claim(_ key: BudgetKey, compact: CompactBudgetKey?, line: Int) -> (firstLine: Int?, claimed: Bool) {
        guard let compact, let small = Int32(exactly: line), firstLineOfLongKey.isEmpty else {
            return (firstLine(of: key, compact: compact), false)
        }
        guard let first = firstLineOfKey.claim(compact, line: small) else { return (nil, true) }
        return (Int(first), false)
    }

    private func remember(_ key: BudgetKey, compact: CompactBudgetKey?, line: Int) {
        if let compact, let small = Int32(exactly: line) {
            firstLineOfKey.set(compact, line: small)
        } else {
            firstLineOfLongKey[CompactBudgetKey.text(of: key)] = line
        }
    }

    /// Splits a financing source written as one code (`31-0151-0001`, or `31-0151`) into fuente, organismo and
    /// correlativo; when the file also has organismo or correlativo columns, they must say the same.
    private func splitFinancing(_ codes: inout ExecutionKeyCodes, line: Int) {
        let text = codes[.fuente]
        // On the bytes: `contains("-")` went through Foundation's string search for every line.
        guard text.utf8.contains(UInt8(ascii: "-")) else { return }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count),
            parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } })
        else {
            diagnose(
                line, .fuente, .error,
                "«\(text)» no es una fuente de financiamiento: se espera fuente-organismo-correlativo (p. ej. 31-0151-0001)"
            )
            return
        }
        let split: [(ExecutionField, String)] =
            [
                (.fuente, BudgetKey.normalized(parts[0], width: BudgetKey.Width.fuente)),
                (.organismo, BudgetKey.normalized(parts[1], width: BudgetKey.Width.organismo)),
            ]
            + (parts.count == 3
                ? [(.correlativo, BudgetKey.normalized(parts[2], width: BudgetKey.Width.correlativo))] : [])
        for (field, code) in split {
            let given = codes[field]
            if field != .fuente, !given.isEmpty, given != code {
                diagnose(
                    line, field, .error,
                    "la fuente «\(text)» dice \(field.label) \(code) y la columna \(header.headerName(field)) dice \(given)"
                )
            }
            codes[field] = code
        }
    }

    /// True for a code of digits and dashes only (`31-0151-0001`).
    private static func isCode(_ text: String) -> Bool {
        text.utf8.allSatisfy(isCodeByte)
    }

    private static func isCodeByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// A code cell's code and the name written after it (see ``split(_:)``); a bare code is read from the bytes.
    private func codeCell(_ row: some ExecutionRow, _ column: Int?) -> (code: String, name: String) {
        guard let column else { return ("", "") }
        let bare = row.withTrimmedBytes(column) { bytes -> String? in
            guard let bytes, bytes.allSatisfy(Self.isCodeByte) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        return bare.map { ($0, "") } ?? split(row.trimmed(column))
    }

    /// Splits `11130016 Secretarías…` or `211 - Alimentos para personas` into code and name.
    /// - Parameter trimmed: a cell already trimmed (every caller reads cells trimmed; trimming twice cost a
    ///   walk to each code's last byte on every line).
    private func split(_ trimmed: String) -> (code: String, name: String) {
        // Most cells are a bare code: nothing to split.
        if Self.isCode(trimmed) { return (trimmed, "") }
        let codeEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "-")) } ?? trimmed.endIndex
        guard codeEnd != trimmed.startIndex, codeEnd != trimmed.endIndex else { return (trimmed, "") }
        var code = String(trimmed[..<codeEnd])
        while code.hasSuffix("-") { code.removeLast() }
        let name = trimmed[codeEnd...].trimmingCharacters(in: CharacterSet(charactersIn: " -–.:"))
        // `21A` is a malformed code, not a code followed by a name.
        if trimmed[codeEnd] != " " && trimmed[codeEnd] != "-" && trimmed[codeEnd] != "–" { return (trimmed, "") }
        return (code, name)
    }

    private func parseYear(_ text: String?, line: Int) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let year = Int(text), (1900...2200).contains(year) else {
            diagnose(line, .ejercicio, .error, "«\(text)» no es un ejercicio (año de cuatro dígitos)")
            return nil
        }
        if let given = options.ejercicio, given != year {
            diagnose(line, .ejercicio, .error, "el ejercicio \(year) no coincide con --year \(given)")
        }
        return year
    }

    /// An amount cell read from its bytes: empty, the common shape (``Domain/Money/parsePlain(bytes:style:)``), or
    /// something only its text can tell (other spaces, a prefix, an error to report).
    private enum QuickAmount {
        case empty
        case plain(Money)
        case text
    }

    private func quickAmount(_ row: some ExecutionRow, _ column: Int) -> QuickAmount {
        row.withTrimmedBytes(column) { bytes in
            guard let bytes else { return .text }
            if bytes.isEmpty { return .empty }
            return Money.parsePlain(bytes: bytes, style: style).map(QuickAmount.plain) ?? .text
        }
    }

    /// A detail row's amount cell (zero when empty; nil, with the error said, when unreadable).
    private func parseAmount(_ row: some ExecutionRow, _ column: Int, field: ExecutionField) -> Money? {
        switch quickAmount(row, column) {
        case .empty: .zero
        case .plain(let amount): amount
        case .text: parseAmount(row.trimmed(column), field: field, line: row.line)
        }
    }

    private func parseAmount(_ text: String, field: ExecutionField, line: Int) -> Money? {
        guard !text.isEmpty else { return .zero }
        do {
            let parsed = try Money.parse(text, style: style, extraDecimals: extraDecimals)
            if parsed.roundedFloatNoise { roundedAmounts += 1 }
            return parsed.amount
        } catch {
            diagnose(
                line, field, .error, error.errorDescription ?? "«\(text)» no es un monto")
            return nil
        }
    }

    // MARK: - Totals rows

    /// `TOTAL`, `SUBTOTAL`, `Total general`, `SUB-TOTAL PROGRAMA 11`… in any text cell of a row.
    private func totalsLabel(_ row: some ExecutionRow) -> String? {
        let mayHoldLabel = columns.mayHoldLabel
        for index in 0..<row.cellCount where index >= mayHoldLabel.count || mayHoldLabel[index] {
            // Cheap first look: every label starts with t, s or g (after spaces); codes and names rarely do. On
            // the bytes first: a byte other than those letters (a digit, another letter, the lead byte of any
            // other character) starts a character that is none of them either.
            let initial = row.withCellBytes(index) { bytes in bytes.first { $0 != UInt8(ascii: " ") } }
            guard let initial, Self.isLabelInitial(initial) else { continue }
            let value = row.cell(index)
            guard let first = value.first(where: { $0 != " " }), "tTsSgG".contains(first) else { continue }
            // A name such as «Secretaría…» or «Gobernación…» starts the same way: its first three letters, when
            // plain ASCII, already tell it from a label (folding every such name cost more than the rest of the row).
            if let prefix = Self.asciiPrefix(value), !["tot", "sub", "gra"].contains(prefix) { continue }
            let folded = value.trimmingCharacters(in: .whitespaces)
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            if folded.hasPrefix("total") || folded.hasPrefix("subtotal") || folded.hasPrefix("sub total")
                || folded.hasPrefix("sub-total") || folded.hasPrefix("gran total")
            {
                return value.trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// True for the bytes of t, s and g in either case.
    private static func isLabelInitial(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "g"): true
        default: false
        }
    }

    /// The codes every detail row must have.
    private static let requiredCodes: [ExecutionField] = [.entidad, .programa, .actividad]

    /// The first three letters after leading spaces, lowercased, when they are plain ASCII letters; nil otherwise
    /// (the label check then folds the whole text).
    private static func asciiPrefix(_ text: String) -> String? {
        var letters: [UInt8] = []
        for byte in text.utf8 {
            if letters.isEmpty && byte == UInt8(ascii: " ") { continue }
            guard byte < 0x80, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else {
                return nil
            }
            letters.append(byte | 0x20)
            if letters.count == 3 { return String(decoding: letters, as: UTF8.self) }
        }
        return nil
    }

    private func consumeAggregate(label: String, fields: [String], line: Int) {
        func cell(_ field: ExecutionField) -> String? {
            header.codeColumns[field].map { Whitespace.trimmed(fields[$0]) }
        }
        var filters: [ExecutionField: String] = [:]
        var filterCodes = ExecutionKeyCodes()
        for (field, width) in ExecutionField.keyWidths {
            filterCodes[field] = BudgetKey.normalized(split(cell(field) ?? "").code, width: width)
        }
        splitFinancing(&filterCodes, line: line)
        for (field, width) in ExecutionField.keyWidths + [(.renglon, 3)] {
            let code = field == .renglon ? split(cell(field) ?? "").code : filterCodes[field]
            if !code.isEmpty && code.allSatisfy({ $0.isASCII && $0.isNumber }) {
                filters[field] = BudgetKey.normalized(code, width: width)
            }
        }
        var amounts: [ExecutionField: Money] = [:]
        for field in ExecutionTotalsCheck.totalledFields where header.has(field) {
            let text = cell(field) ?? ""
            if text.isEmpty { continue }
            guard let value = parseAmount(text, field: field, line: line) else {
                fileLevelErrors = true
                continue
            }
            amounts[field] = value
        }
        let folded = label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let isSubtotal = !folded.hasPrefix("total") && !folded.hasPrefix("gran total")
        totals.addAggregate(line: line, label: label, filters: filters, amounts: amounts, isSubtotal: isSubtotal)
    }

    /// Reports every totals amount that differs from the detail rows it sums.
    ///
    /// When detail rows could not be read, a difference may be theirs: the totals cannot be verified, which is a
    /// warning (the unreadable rows are errors already), so `--allow-rejects` can still import the good rows.
    private func verifyAggregates() {
        // Sums that overflowed are partial: comparing them would report differences that are not there.
        guard !sumsOverflowed else { return }
        for mismatch in totals.mismatches() {
            let gap = (try? mismatch.stated - mismatch.actual)?.formatted ?? "fuera de rango"
            let difference =
                "la fila «\(mismatch.label)» dice \(mismatch.stated.formatted) pero las \(mismatch.rows) "
                + "filas de detalle que resume suman \(mismatch.actual.formatted) (diferencia \(gap))"
            if untotalledRows > 0 {
                diagnose(
                    mismatch.line, mismatch.field, .warning,
                    "no se puede verificar: \(difference), y \(untotalledRows) fila(s) de detalle no se pudieron leer")
            } else {
                fileLevelErrors = true
                diagnose(mismatch.line, mismatch.field, .error, difference)
            }
        }
    }

    // MARK: - File

    /// Refuses a cut-off the file contradicts: a `--month`/`--cutoff-date` other than the one its title states, a year
    /// other than the title's, or a month before devengado the file reports (July–December in a file said to
    /// run to June), or after the last monthly column it has.
    private func checkCutoff(ejercicio: Int?) {
        func refuse(_ message: String, line: Int? = nil) {
            fileLevelErrors = true
            diagnose(line, nil, .error, message)
        }
        let names = SpanishMonth.names
        if let stated {
            if let given = options.mes, given != stated.month {
                refuse(
                    "--month \(given) contradice el corte que declara el archivo («\(stated.text)»: "
                        + "\(names[stated.month - 1]) de \(stated.year)); indique --month \(stated.month) o no lo indique"
                )
            }
            if let corte = options.fechaCorte, corte != stated.isoDate {
                refuse(
                    "--cutoff-date \(corte) contradice el corte que declara el archivo («\(stated.text)», \(stated.isoDate))"
                )
            }
            if let ejercicio, ejercicio != stated.year {
                refuse("el archivo declara el corte «\(stated.text)» pero sus filas son del ejercicio \(ejercicio)")
            }
        }
        guard let given = options.mes else { return }
        if let last = lastMonthWithDevengado, last.month > given {
            refuse(
                "--month \(given) contradice el archivo: trae devengado de \(names[last.month - 1]), posterior al corte "
                    + "indicado; el archivo llega al menos a \(names[last.month - 1]) (indique --month \(last.month) o más)",
                line: last.line)
        }
        if let lastColumn = header.monthColumns.keys.max(), given > lastColumn {
            refuse(
                "--month \(given) es posterior al corte del archivo: su devengado mensual llega hasta "
                    + "\(names[lastColumn - 1])")
        }
    }

    /// Checks what concerns the whole file and returns the result.
    func finish(formatDescription: String) -> ExecutionScan {
        verifyAggregates()
        let yearList = years.keys.sorted()
        if yearList.count > 1 {
            fileLevelErrors = true
            diagnose(
                nil, .ejercicio, .error,
                "el archivo mezcla ejercicios (\(yearList.map(String.init).joined(separator: ", "))); "
                    + "cada importación es un solo ejercicio")
        }
        let ejercicio = yearList.first ?? options.ejercicio
        if let ejercicio, let problem = options.rules.checkYear(ejercicio, file: file, line: years[ejercicio]) {
            fileLevelErrors = true
            var located = problem
            located.field = header.headerName(.ejercicio)
            diagnostics.append(located)
        }
        var mes = options.mes
        if mes == nil {
            let months = monthsSeen.keys.sorted()
            if months.count > 1 {
                fileLevelErrors = true
                diagnose(
                    nil, .mes, .error,
                    "el archivo mezcla meses (\(months.map(String.init).joined(separator: ", "))): trae filas de "
                        + "varios cortes; cada importación es un solo corte: filtre un mes por archivo")
            }
            mes = months.count == 1 ? months.first : stated?.month
        }
        if roundedAmounts > 0 {
            diagnose(
                nil, nil, .info,
                "se redondearon al centavo \(roundedAmounts) monto(s) con ruido de coma flotante (p. ej. 1234.5600000001)"
            )
        }
        checkCutoff(ejercicio: ejercicio)
        diagnostics += nameBook.summary()
        if rowsRead == 0 {
            fileLevelErrors = true
            diagnose(nil, nil, .error, "el archivo no tiene filas de detalle")
        }
        return ExecutionScan(
            cutoff: ejercicio.map {
                ExecutionCutoff(
                    ejercicio: $0, mes: mes,
                    fechaCorte: options.fechaCorte
                        ?? (options.mes == nil || options.mes == stated?.month ? stated?.isoDate : nil))
            },
            diagnostics: diagnostics, rowsRead: rowsRead, rowsRejected: rowsRejected, linesAccepted: linesAccepted,
            total: acceptedTotalWithMonths, totalsRows: totals.count, formatDescription: formatDescription,
            hasFileLevelErrors: fileLevelErrors, unresolvedFilters: totals.unresolvedFilters,
            learnedNames: nameBook.fileNames)
    }
}
