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

    private let emit: (BudgetLine) throws -> Void
    private var linesAccepted = 0
    private var acceptedTotal = ExecutionAmounts.zero
    /// Where each accepted key was first seen: packed keys (line numbers as Int32 to halve the values),
    /// and the text of keys too long to pack.
    private var firstLineOfKey: [CompactBudgetKey: Int32] = [:]
    private var firstLineOfLongKey: [String: Int] = [:]
    private var diagnostics: [Diagnostic] = []
    private var rowsRead = 0
    private var rowsRejected = 0
    /// Detail rows rejected before their amounts could be totalled (unreadable code, amount or year).
    private var untotalledRows = 0
    private var totals: ExecutionTotalsCheck
    private var years: [Int: Int] = [:]
    private var monthsSeen: [Int: Int] = [:]
    private var repairedNames = 0
    /// Columns that hold amounts (never a totals label).
    private let amountColumns: Set<Int>
    private var fileLevelErrors = false

    /// - Parameters:
    ///   - totalsFilters: codes of coded totals rows found by an earlier reading, so their sums are kept.
    ///   - emit: receives each line without errors, in file order.
    init(
        header: ExecutionHeader, file: String, options: ExecutionImportOptions, style: NumberStyle,
        extraDecimals: Money.ExtraDecimals = .refuse, lineWord: String = "línea",
        totalsFilters: Set<ExecutionTotalsCheck.Filter> = [], emit: @escaping (BudgetLine) throws -> Void
    ) {
        self.totals = ExecutionTotalsCheck(filters: totalsFilters)
        self.emit = emit
        self.header = header
        self.file = file
        self.options = options
        self.style = style
        self.extraDecimals = extraDecimals
        self.lineWord = lineWord
        self.amountColumns = Set(ExecutionField.amountFields.compactMap { header.codeColumns[$0] } + header.monthColumns.values)
    }

    private func diagnose(_ line: Int?, _ field: ExecutionField?, _ severity: Diagnostic.Severity, _ message: String) {
        diagnostics.append(Diagnostic(
            file: file, line: line, field: field.map(header.headerName), severity: severity, message: message))
    }

    // MARK: - Rows

    /// Reads one row; a line without errors goes to `emit` before this returns.
    func consume(_ rawFields: [String], line: Int) throws {
        guard rawFields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return }
        let fields = rawFields + Array(repeating: "", count: max(0, header.original.count - rawFields.count))
        func cell(_ field: ExecutionField) -> String? {
            header.codeColumns[field].map { fields[$0].trimmingCharacters(in: .whitespaces) }
        }
        if let label = totalsLabel(fields) {
            consumeAggregate(label: label, cell: cell, line: line)
            return
        }
        rowsRead += 1
        let before = diagnostics.count
        var hasError: Bool { diagnostics[before...].contains { $0.severity == .error } }

        // Codes
        var codes: [ExecutionField: String] = [:]
        var names: [String: String] = [:]
        for (field, width) in ExecutionField.keyWidths {
            let (code, name) = split(cell(field) ?? "")
            if !code.isEmpty && !code.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
                diagnose(line, field, .error, "«\(code)» no es un código de \(field.label) (solo dígitos)")
            }
            codes[field] = BudgetKey.normalized(code, width: width)
            let separateName = header.nameColumns[field].map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            if let text = nameText(separateName.isEmpty ? name : separateName, field: field, line: line) {
                names[field.rawValue] = text
            }
        }
        for required in [ExecutionField.entidad, .programa, .actividad] where codes[required, default: ""].isEmpty {
            diagnose(line, required, .error, "falta el código de \(required.label)")
        }
        let (renglonText, renglonName) = split(cell(.renglon) ?? "")
        let renglonSeparateName = header.nameColumns[.renglon].map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
        if let text = nameText(renglonSeparateName.isEmpty ? renglonName : renglonSeparateName, field: .renglon, line: line) {
            names[ExecutionField.renglon.rawValue] = text
        }
        let renglon = Renglon(lenient: renglonText)
        if renglonText.isEmpty {
            diagnose(line, .renglon, .error, "falta el renglón")
        } else if renglon == nil {
            diagnose(line, .renglon, .error, "«\(renglonText)» no es un renglón: debe tener tres dígitos (p. ej. 011, 211)")
        } else if let renglon, renglon.number % 10 == 0 {
            // Codes ending in 0 are group and subgroup headings of the classifier, never a budget line.
            diagnose(line, .renglon, .error,
                "«\(renglon.rawValue)» es un código de grupo o subgrupo, no un renglón; si la fila es un subtotal, "
                    + "márquela con TOTAL o SUBTOTAL")
        }
        let ejercicio = parseYear(cell(.ejercicio), line: line)
        if let year = ejercicio ?? options.ejercicio, years[year] == nil { years[year] = line }
        if let mesText = cell(.mes), !mesText.isEmpty {
            if let mes = Int(mesText), (1...12).contains(mes) {
                if monthsSeen[mes] == nil { monthsSeen[mes] = line }
            } else {
                diagnose(line, .mes, .error, "«\(mesText)» no es un mes (1 a 12)")
            }
        }

        // Amounts
        var amounts: [ExecutionField: Money] = [:]
        for field in ExecutionField.amountFields where header.has(field) {
            amounts[field] = parseAmount(cell(field) ?? "", field: field, line: line)
        }
        var monthly: [Int: Money] = [:]
        for (month, column) in header.monthColumns {
            let text = fields[column].trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            do {
                let parsed = try Money.parse(text, style: style, extraDecimals: extraDecimals)
                if parsed.roundedFloatNoise { roundedAmounts += 1 }
                monthly[month] = parsed.amount
            } catch {
                diagnostics.append(Diagnostic(
                    file: file, line: line, field: header.original[column], severity: .error,
                    message: (error as? any LocalizedError)?.errorDescription ?? "«\(text)» no es un monto"))
            }
        }
        let asignado = amounts[.asignado] ?? .zero
        let vigente = amounts[.vigente] ?? .zero
        var modificado = Money.zero
        do {
            if let net = amounts[.modificado] {
                modificado = net
            } else if header.hasModificationParts {
                // Files write disminuciones and negative traspasos either as positive amounts or with a minus sign.
                func magnitude(_ field: ExecutionField) throws(MoneyOverflowError) -> Money {
                    try (amounts[field] ?? .zero).magnitude
                }
                modificado = try magnitude(.adicion) - magnitude(.disminucion) + magnitude(.traspasoPositivo)
                    - magnitude(.traspasoNegativo) + magnitude(.transferenciaPositiva) - magnitude(.transferenciaNegativa)
            } else {
                // Without any modification column the file only lets us derive it.
                modificado = try vigente - asignado
            }
        } catch {
            diagnose(line, .vigente, .error, (error as? any LocalizedError)?.errorDescription ?? "las modificaciones exceden el máximo representable")
        }
        guard !hasError, let renglon, let ejercicio = ejercicio ?? options.ejercicio else {
            if !hasError { diagnose(line, .ejercicio, .error, "falta el ejercicio") }
            rowsRejected += 1
            untotalledRows += 1
            return
        }
        let key = BudgetKey(
            ejercicio: ejercicio, entidad: codes[.entidad, default: ""], unidadEjecutora: codes[.unidadEjecutora, default: ""],
            programa: codes[.programa, default: ""], subprograma: codes[.subprograma, default: ""],
            proyecto: codes[.proyecto, default: ""], actividad: codes[.actividad, default: ""], obra: codes[.obra, default: ""],
            renglon: renglon, fuente: codes[.fuente, default: ""],
            ubicacionGeografica: codes[.ubicacionGeografica, default: ""])
        let budgetLine = BudgetLine(
            key: key,
            amounts: ExecutionAmounts(
                asignado: asignado, modificado: modificado, vigente: vigente, precomprometido: amounts[.precomprometido],
                comprometido: amounts[.comprometido], devengado: amounts[.devengado] ?? .zero, pagado: amounts[.pagado] ?? .zero,
                devengadoMensual: monthly),
            names: names, sourceLine: line)
        // Totals rows are compared with every readable detail row, rejected or not, so one bad row does not
        // also make the totals look wrong.
        var totalled = budgetLine.amounts
        totalled.devengadoMensual = [:]
        do { try totals.addDetail(key: key, amounts: totalled) } catch { sumsOverflowed(line: line, error) }
        for diagnostic in options.rules.check(budgetLine, file: file) {
            var located = diagnostic
            if let field = located.field, let known = ExecutionField(rawValue: field) { located.field = header.headerName(known) }
            diagnostics.append(located)
        }
        let compactKey = CompactBudgetKey(key)
        if let first = firstLine(of: key, compact: compactKey) {
            diagnose(line, .renglon, .error, "línea presupuestaria duplicada: la misma clave ya está en la \(lineWord) \(first) (\(key.label))")
        }
        if hasError {
            rowsRejected += 1
            return
        }
        remember(key, compact: compactKey, line: line)
        linesAccepted += 1
        do { acceptedTotal = try acceptedTotal + budgetLine.amounts } catch { sumsOverflowed(line: line, error) }
        try emit(budgetLine)
    }

    /// The file's amounts add up beyond 64-bit centavos: a file-level error, reported once.
    private func sumsOverflowed(line: Int, _ error: MoneyOverflowError) {
        fileLevelErrors = true
        guard !sumsOverflowed else { return }
        sumsOverflowed = true
        diagnose(line, nil, .error,
            "al llegar a esta \(lineWord) los montos del archivo suman más de lo representable: "
                + ((error as? any LocalizedError)?.errorDescription ?? "desbordamiento"))
    }

    /// The line where an accepted line had this key, if any.
    private func firstLine(of key: BudgetKey, compact: CompactBudgetKey?) -> Int? {
        if let compact, let line = firstLineOfKey[compact] { return Int(line) }
        // Keys too long to pack, and keys first seen beyond line 2³¹, are kept by their text.
        return firstLineOfLongKey.isEmpty ? nil : firstLineOfLongKey[CompactBudgetKey.text(of: key)]
    }

    private func remember(_ key: BudgetKey, compact: CompactBudgetKey?, line: Int) {
        if let compact, let small = Int32(exactly: line) {
            firstLineOfKey[compact] = small
        } else {
            firstLineOfLongKey[CompactBudgetKey.text(of: key)] = line
        }
    }

    /// Splits `11130016 Secretarías…` or `211 - Alimentos para personas` into code and name.
    private func split(_ text: String) -> (code: String, name: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let codeEnd = trimmed.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "-")) } ?? trimmed.endIndex
        guard codeEnd != trimmed.startIndex, codeEnd != trimmed.endIndex else { return (trimmed, "") }
        var code = String(trimmed[..<codeEnd])
        while code.hasSuffix("-") { code.removeLast() }
        let name = trimmed[codeEnd...].trimmingCharacters(in: CharacterSet(charactersIn: " -–.:"))
        // `21A` is a malformed code, not a code followed by a name.
        if trimmed[codeEnd] != " " && trimmed[codeEnd] != "-" && trimmed[codeEnd] != "–" { return (trimmed, "") }
        return (code, name)
    }

    /// The name to store, repaired when doubly encoded; damaged text is kept and flagged.
    private func nameText(_ text: String, field: ExecutionField, line: Int) -> String? {
        guard !text.isEmpty else { return nil }
        switch NameRepair.inspect(text) {
        case .clean: return text
        case .repaired(let fixed):
            repairedNames += 1
            return fixed
        case .damaged:
            diagnostics.append(Diagnostic(
                file: file, line: line, field: header.nameColumns[field].map { header.original[$0] } ?? header.headerName(field),
                severity: .warning,
                message: "el nombre «\(text)» llegó dañado (caracteres irrecuperables, p. ej. sustitutos UTF-16 sueltos); "
                    + "se guarda marcado con � y los montos se conservan"))
            return text
        }
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

    private func parseAmount(_ text: String, field: ExecutionField, line: Int) -> Money? {
        guard !text.isEmpty else { return .zero }
        do {
            let parsed = try Money.parse(text, style: style, extraDecimals: extraDecimals)
            if parsed.roundedFloatNoise { roundedAmounts += 1 }
            return parsed.amount
        } catch {
            diagnose(line, field, .error, (error as? any LocalizedError)?.errorDescription ?? "«\(text)» no es un monto")
            return nil
        }
    }

    // MARK: - Totals rows

    /// `TOTAL`, `SUBTOTAL`, `Total general`, `SUB-TOTAL PROGRAMA 11`… in any text cell of a row.
    private func totalsLabel(_ fields: [String]) -> String? {
        for (index, value) in fields.enumerated() where !amountColumns.contains(index) {
            // Cheap first look: every label starts with t, s or g (after spaces); codes and names rarely do.
            guard let first = value.first(where: { $0 != " " }), "tTsSgG".contains(first) else { continue }
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

    private func consumeAggregate(label: String, cell: (ExecutionField) -> String?, line: Int) {
        var filters: [ExecutionField: String] = [:]
        for (field, width) in ExecutionField.keyWidths + [(.renglon, 3)] {
            let code = split(cell(field) ?? "").code
            if !code.isEmpty && code.allSatisfy({ $0.isASCII && $0.isNumber }) { filters[field] = BudgetKey.normalized(code, width: width) }
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
            let difference = "la fila «\(mismatch.label)» dice \(mismatch.stated.formatted) pero las \(mismatch.rows) "
                + "filas de detalle que resume suman \(mismatch.actual.formatted) (diferencia \(gap))"
            if untotalledRows > 0 {
                diagnose(mismatch.line, mismatch.field, .warning,
                    "no se puede verificar: \(difference), y \(untotalledRows) fila(s) de detalle no se pudieron leer")
            } else {
                fileLevelErrors = true
                diagnose(mismatch.line, mismatch.field, .error, difference)
            }
        }
    }

    // MARK: - File

    /// Checks what concerns the whole file and returns the result.
    func finish(formatDescription: String) -> ExecutionScan {
        verifyAggregates()
        let yearList = years.keys.sorted()
        if yearList.count > 1 {
            fileLevelErrors = true
            diagnose(nil, .ejercicio, .error,
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
                diagnose(nil, .mes, .error,
                    "el archivo mezcla meses (\(months.map(String.init).joined(separator: ", "))): trae filas de "
                        + "varios cortes; cada importación es un solo corte: filtre un mes por archivo")
            }
            mes = months.count == 1 ? months.first : nil
        }
        if roundedAmounts > 0 {
            diagnose(nil, nil, .info,
                "se redondearon al centavo \(roundedAmounts) monto(s) con ruido de coma flotante (p. ej. 1234.5600000001)")
        }
        if repairedNames > 0 {
            diagnose(nil, nil, .info, "se repararon \(repairedNames) nombre(s) con doble codificación UTF-8 (p. ej. «Ã³» → «ó»)")
        }
        if rowsRead == 0 {
            fileLevelErrors = true
            diagnose(nil, nil, .error, "el archivo no tiene filas de detalle")
        }
        return ExecutionScan(
            cutoff: ejercicio.map { ExecutionCutoff(ejercicio: $0, mes: mes, fechaCorte: options.fechaCorte) },
            diagnostics: diagnostics, rowsRead: rowsRead, rowsRejected: rowsRejected, linesAccepted: linesAccepted,
            total: acceptedTotal, totalsRows: totals.count, formatDescription: formatDescription,
            hasFileLevelErrors: fileLevelErrors, unresolvedFilters: totals.unresolvedFilters)
    }
}
