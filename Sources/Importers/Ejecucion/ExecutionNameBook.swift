import Domain
import Formats
import Foundation

/// The names an execution import has seen, by what they name, used to repair damaged copies and to report
/// what was repaired.
///
/// A damaged name (a letter lost to double encoding) is settled by the catalog's name for the same code
/// (renglón, subgrupo, fuente), by an undamaged copy of the same code's name (already in the ledger, or earlier
/// in this file), by the Spanish word list, or by an undamaged copy later in the file (found by reading the file
/// once more, only when a name needs it); see ``NameRepair``. Outcomes are cached per distinct text and
/// code, so a name repeated on a thousand lines is looked at once, and only one warning is given per damaged
/// value that stays damaged.
final class ExecutionNameBook {
    private let file: String
    private let catalog: RenglonCatalog
    private let headerName: (ExecutionField) -> String
    /// Undamaged names by what they name: the ledger's, then the first undamaged copy in this file.
    private var known: [BudgetNameKey: String]
    /// The first undamaged copy of each name in this file (what a reading for names returns).
    private(set) var fileNames: [BudgetNameKey: String] = [:]
    /// Reads the rest of the file for undamaged names; used once, then nil.
    private var learnLater: (() throws -> [BudgetNameKey: String])?
    private var cache: [NameCacheKey: NameRepair.Outcome] = [:]
    /// The last settled name of each field: consecutive lines print the same names, and answering them from here
    /// skips hashing the name three times (cache, file names, known names) on every line.
    /// (A few fields a line, searched in order: no hashing at all.)
    private var lastSettled: [SettledName] = []
    private var warned = Set<String>()

    /// Names left with U+FFFD, by field.
    private var damagedByField: [String: Int] = [:]
    private var damagedExamples: [String] = []

    init(
        file: String, known: [BudgetNameKey: String], catalog: RenglonCatalog,
        learnLater: (() throws -> [BudgetNameKey: String])? = nil, headerName: @escaping (ExecutionField) -> String
    ) {
        self.file = file
        self.known = known
        self.learnLater = learnLater
        self.catalog = catalog
        self.headerName = headerName
    }

    /// The name to store for a line, what settled a lost letter (nil when none was lost or none was put back), and
    /// a warning the first time a damaged value cannot be repaired.
    func repair(_ text: String, field: ExecutionField, nameKey: BudgetNameKey?, line: Int) throws
        -> (name: String, basis: NameRepair.Source?, warning: Diagnostic?)
    {
        // The same bytes, not only canonically equal text: a name is stored as the file writes it.
        if let last = lastSettled.first(where: { $0.field == field }), last.text.utf8.elementsEqual(text.utf8),
            last.nameKey == nameKey
        {
            return (last.name, last.basis, nil)
        }
        let cacheKey = NameCacheKey(field: field.rawValue, code: nameKey?.code ?? "", text: text)
        let outcome: NameRepair.Outcome
        if let cached = cache[cacheKey] {
            outcome = cached
        } else if !NameRepair.isDamaged(text) {
            outcome = NameRepair.inspect(text)
            cache[cacheKey] = outcome
        } else {
            var found = NameRepair.inspect(
                text, catalog: catalogName(field, nameKey), sameCode: nameKey.flatMap { known[$0] }.map { [$0] } ?? [])
            if case .damaged = found, let nameKey, let learn = learnLater {
                learnLater = nil
                for (key, name) in try learn() where known[key] == nil { known[key] = name }
                if let copy = known[nameKey] {
                    found = NameRepair.inspect(text, catalog: catalogName(field, nameKey), sameCode: [copy])
                }
            }
            outcome = found
            cache[cacheKey] = outcome
        }
        // Answering a settled name again changes nothing (what it learned is learned): it may come from
        // ``lastSettled``. A damaged one is counted each time.
        switch outcome {
        case .clean:
            learn(text, for: nameKey)
            settle(field: field, nameKey: nameKey, text: text, name: text, basis: nil)
            return (text, nil, nil)
        case .repaired(let fixed):
            learn(fixed, for: nameKey)
            settle(field: field, nameKey: nameKey, text: text, name: fixed, basis: nil)
            return (fixed, nil, nil)
        case .restored(let fixed, let source):
            settle(field: field, nameKey: nameKey, text: text, name: fixed, basis: source)
            return (fixed, source, nil)
        case .damaged(let flagged):
            damagedByField[field.label, default: 0] += 1
            if damagedExamples.count < 3, !damagedExamples.contains(flagged) { damagedExamples.append(flagged) }
            guard warned.insert("\(field.rawValue)|\(text)").inserted else { return (flagged, nil, nil) }
            return (
                flagged, nil,
                Diagnostic(
                    file: file, line: line, field: headerName(field), severity: .warning,
                    message: "el nombre «\(text)» llegó dañado (letras perdidas al recodificar o sustitutos UTF-16 "
                        + "sueltos) y ninguna fuente fiel lo resuelve; se guarda marcado con � y los montos se conservan"
                )
            )
        }
    }

    private func settle(
        field: ExecutionField, nameKey: BudgetNameKey?, text: String, name: String, basis: NameRepair.Source?
    ) {
        let settled = SettledName(field: field, nameKey: nameKey, text: text, name: name, basis: basis)
        if let index = lastSettled.firstIndex(where: { $0.field == field }) {
            lastSettled[index] = settled
        } else {
            lastSettled.append(settled)
        }
    }

    /// The catalog's name for the code a damaged name belongs to.
    private func catalogName(_ field: ExecutionField, _ nameKey: BudgetNameKey?) -> String? {
        guard let code = nameKey?.code else { return nil }
        switch field {
        case .renglon, .subgrupo: return Renglon(lenient: code).flatMap(catalog.name(of:))
        case .fuente: return FuenteCatalog.bundled.name(of: code)
        default: return nil
        }
    }

    private func learn(_ name: String, for nameKey: BudgetNameKey?) {
        guard let nameKey else { return }
        if fileNames[nameKey] == nil { fileNames[nameKey] = name }
        if known[nameKey] == nil { known[nameKey] = name }
    }

    /// What stays damaged, as a warning for the import summary (each repaired value is reported where it is
    /// read, with its line).
    func summary() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let damaged = damagedByField.values.reduce(0, +)
        if damaged > 0 {
            out.append(
                Diagnostic(
                    file: file, severity: .warning,
                    message:
                        "\(damaged) nombre(s) conservan letras irrecuperables marcadas con � (\(Self.byField(damagedByField))); "
                        + "p. ej. \(damagedExamples.map { "«\($0)»" }.joined(separator: "; ")); los montos se conservan"
                ))
        }
        return out
    }

    private static func byField(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

/// A name as ``ExecutionNameBook`` settled it for a field.
private struct SettledName {
    let field: ExecutionField
    let nameKey: BudgetNameKey?
    let text: String
    let name: String
    let basis: NameRepair.Source?
}
