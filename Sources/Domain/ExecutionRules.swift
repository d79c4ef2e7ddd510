import Foundation

/// The validation rules of a budget-execution line, each with its documented severity.
///
/// | Rule | Severity |
/// |---|---|
/// | ejercicio outside the years the bundled classifier covers | error |
/// | renglón of three digits not named by the catalog (the catalog is incomplete) | warning |
/// | vigente ≠ asignado + modificaciones | error |
/// | comprometido > vigente, devengado > comprometido (or > vigente), pagado > devengado | error |
/// | negative asignado, vigente, precomprometido, comprometido, devengado, pagado or monthly devengado | error |
/// | monthly devengado that does not add up to the devengado column | warning |
///
/// Malformed codes, non-numeric amounts, duplicates and totals rows are the importer's to detect (they
/// concern the file, not the line's arithmetic).
public struct ExecutionRules: Sendable {
    /// Fiscal years the bundled objeto-del-gasto classifier applies to: the 5th edition of the Manual de
    /// Clasificaciones Presupuestarias dates from 2013; later years are accepted until a new edition is
    /// bundled. Outside this range renglones cannot be validated, so the file is refused.
    public static let catalogYears: ClosedRange<Int> = 2013...2030

    public let catalog: RenglonCatalog

    public init(catalog: RenglonCatalog = .bundled) {
        self.catalog = catalog
    }

    /// Diagnostics for a whole file's fiscal year (nil when the year is covered).
    public func checkYear(_ ejercicio: Int, file: String, line: Int?) -> Diagnostic? {
        guard !Self.catalogYears.contains(ejercicio) else { return nil }
        return Diagnostic(
            file: file, line: line, field: "ejercicio", severity: .error,
            message: "el ejercicio \(ejercicio) no está cubierto por el clasificador de renglones incluido "
                + "(\(Self.catalogYears.lowerBound)–\(Self.catalogYears.upperBound)); no se puede validar el archivo")
    }

    /// Every rule applied to one line.
    public func check(_ line: BudgetLine, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let a = line.amounts
        func add(_ field: String, _ severity: Diagnostic.Severity, _ message: String) {
            out.append(
                Diagnostic(file: file, line: line.sourceLine, field: field, severity: severity, message: message))
        }
        if !catalog.contains(line.key.renglon) {
            // The file's own name completes the catalog where it has one (reports say it comes from the file).
            let naming = line.names["renglon"].flatMap {
                $0.isEmpty ? nil : "se usa el nombre que trae el archivo: «\($0)»"
            }
            add(
                "renglon", .warning,
                "el renglón \(line.key.renglon.rawValue) no figura en el catálogo incluido (incompleto para el grupo "
                    + "\(line.key.renglon.grupo.rawValue)); " + (naming ?? "se importa con nombre vacío"))
        }
        func nonNegative(_ field: @autoclosure () -> String, _ value: Money) {
            // The field's label is only spelled out for a negative amount: nearly every line has none.
            if value < .zero {
                add(field(), .error, "el monto \(value.formatted) es negativo; este campo no puede serlo")
            }
        }
        nonNegative("asignado", a.asignado)
        nonNegative("vigente", a.vigente)
        nonNegative("devengado", a.devengado)
        nonNegative("pagado", a.pagado)
        if let value = a.precomprometido { nonNegative("precomprometido", value) }
        if let value = a.comprometido { nonNegative("comprometido", value) }
        if a.devengadoMensual.contains(where: { $0.value < .zero }) {
            for (month, amount) in a.devengadoMensual { nonNegative("devengado mes \(month)", amount) }
        }
        do {
            let expected = try a.asignado + a.modificado
            if expected != a.vigente {
                add(
                    "vigente", .error,
                    "vigente \(a.vigente.formatted) ≠ asignado \(a.asignado.formatted) + modificaciones "
                        + "\(a.modificado.formatted) (= \(expected.formatted))")
            }
        } catch {
            add(
                "vigente", .error,
                error.errorDescription
                    ?? "asignado + modificaciones excede el máximo representable")
        }
        if let comprometido = a.comprometido {
            if comprometido > a.vigente {
                add(
                    "comprometido", .error,
                    "comprometido \(comprometido.formatted) supera el vigente \(a.vigente.formatted)")
            }
            if a.devengado > comprometido {
                add(
                    "devengado", .error,
                    "devengado \(a.devengado.formatted) supera el comprometido \(comprometido.formatted)")
            }
        }
        if a.devengado > a.vigente {
            add("devengado", .error, "devengado \(a.devengado.formatted) supera el vigente \(a.vigente.formatted)")
        }
        if a.pagado > a.devengado {
            add("pagado", .error, "pagado \(a.pagado.formatted) supera el devengado \(a.devengado.formatted)")
        }
        if !a.devengadoMensual.isEmpty {
            do {
                let monthly = try Money.sum(a.devengadoMensual.lazy.map(\.value))
                if monthly != a.devengado {
                    add(
                        "devengado", .warning,
                        "el devengado mensual suma \(monthly.formatted) y la columna devengado dice \(a.devengado.formatted)"
                    )
                }
            } catch {
                add(
                    "devengado", .error,
                    error.errorDescription
                        ?? "el devengado mensual excede el máximo representable")
            }
        }
        return out
    }
}
