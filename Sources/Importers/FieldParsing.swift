import Domain
import Foundation

/// Parses typed cells of a raw row, recording a diagnostic for each bad value instead of stopping.
struct FieldParsing {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func fail(_ row: RawRow, _ column: String, _ message: String, severity: Diagnostic.Severity = .error) {
        diagnostics.append(
            Diagnostic(file: file, line: row.line, field: row.field(column), severity: severity, message: message))
    }

    /// A required, non-empty text cell.
    mutating func text(_ row: RawRow, _ column: String) -> String? {
        let value = row[column]
        if value.isEmpty {
            fail(row, column, "el campo «\(column)» está vacío")
            return nil
        }
        return value
    }

    /// A required whole number such as a fiscal year.
    mutating func integer(_ row: RawRow, _ column: String) -> Int? {
        guard let text = text(row, column) else { return nil }
        guard let value = Int(text) else {
            fail(row, column, "«\(text)» no es un número entero")
            return nil
        }
        return value
    }

    /// A required non-negative quantity (`17,050`, `12`, `2.5`), exact.
    mutating func quantity(_ row: RawRow, _ column: String) -> Decimal? {
        guard let text = text(row, column) else { return nil }
        let digits = text.replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "." }), digits.filter({ $0 == "." }).count <= 1,
            let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
        else {
            fail(row, column, "«\(text)» no es una cantidad numérica")
            return nil
        }
        return value
    }

    /// An amount of money; nil and a diagnostic when malformed, nil without one when empty and optional.
    mutating func money(_ row: RawRow, _ column: String, required: Bool) -> Money? {
        let text = row[column]
        if text.isEmpty {
            if required { fail(row, column, "el monto «\(column)» está vacío") }
            return nil
        }
        do {
            let amount = try Money(parsing: text)
            if amount.centavos < 0 {
                fail(row, column, "el monto \(amount.formatted) es negativo")
                return nil
            }
            return amount
        } catch {
            fail(row, column, error.errorDescription ?? "monto inválido")
            return nil
        }
    }
}
