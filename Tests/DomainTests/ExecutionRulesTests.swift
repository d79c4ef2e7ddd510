import Domain
import Foundation
import Testing

struct ExecutionRulesTests {
    private func line(
        renglon: String = "211", asignado: Int64 = 1000, modificado: Int64 = 0, vigente: Int64 = 1000,
        comprometido: Int64? = 800, devengado: Int64 = 700, pagado: Int64 = 600, months: MonthlyAmounts = [:]
    ) throws -> BudgetLine {
        BudgetLine(
            key: BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000", actividad: "001", obra: "000", renglon: try #require(Renglon(rawValue: renglon)),
                fuente: "11", ubicacionGeografica: "0101"),
            amounts: ExecutionAmounts(
                asignado: Money(quetzales: asignado), modificado: Money(quetzales: modificado),
                vigente: Money(quetzales: vigente),
                comprometido: comprometido.map(Money.init(quetzales:)), devengado: Money(quetzales: devengado),
                pagado: Money(quetzales: pagado), devengadoMensual: months),
            sourceLine: 7)
    }

    private func check(_ line: BudgetLine) -> [Diagnostic] { ExecutionRules().check(line, file: "f.csv") }

    @Test("a consistent line has no diagnostics")
    func clean() throws {
        #expect(check(try line()).isEmpty)
    }

    @Test(
        "each rule fires with its documented severity and field",
        arguments: [
            ("vigente", Diagnostic.Severity.error),
            ("comprometido", .error),
            ("devengado", .error),
            ("pagado", .error),
            ("asignado", .error),
            ("renglon", .warning),
        ])
    func rules(field: String, severity: Diagnostic.Severity) throws {
        let broken: BudgetLine =
            switch field {
            case "vigente": try line(modificado: 10)
            case "comprometido": try line(comprometido: 1100, devengado: 700)
            case "devengado": try line(comprometido: 600)
            case "pagado": try line(pagado: 701)
            case "asignado": try line(asignado: -5, modificado: 1005)
            default: try line(renglon: "064")
            }
        let found = check(broken).filter { $0.field == field }
        #expect(found.first?.severity == severity, "\(check(broken))")
        #expect(found.first?.line == 7)
    }

    @Test("monthly devengado that does not add up is a warning")
    func monthly() throws {
        let diagnostics = check(try line(months: [1: Money(quetzales: 300), 2: Money(quetzales: 300)]))
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test("years outside the classifier's coverage are refused")
    func years() {
        #expect(ExecutionRules().checkYear(2022, file: "f", line: 2) == nil)
        #expect(ExecutionRules().checkYear(2005, file: "f", line: 2)?.severity == .error)
    }

    @Test("% ejecución is computed in integers and rounded half up to two decimals")
    func percent() {
        #expect(Money(centavos: 2).percent(of: Money(centavos: 3)) == Decimal(string: "66.67"))
        #expect(Money(quetzales: 1).percent(of: .zero) == nil)
    }

    @Test("cut-offs order by date: a month's last day, 31 December for a year without month")
    func cutoffs() {
        #expect(ExecutionCutoff(ejercicio: 2024, mes: 2).sortDate == "2024-02-29")
        #expect(ExecutionCutoff(ejercicio: 2022).sortDate == "2022-12-31")
        #expect(ExecutionCutoff(ejercicio: 2022, mes: 8, fechaCorte: "2022-08-15").sortDate == "2022-08-15")
    }

    @Test("codes get their leading zeros back only when they are all digits")
    func normalizedCodes() {
        #expect(BudgetKey.normalized("1", width: 3) == "001")
        #expect(BudgetKey.normalized(" 101 ", width: 4) == "0101")
        #expect(BudgetKey.normalized("21-0101-0001", width: 2) == "21-0101-0001")
    }
}
