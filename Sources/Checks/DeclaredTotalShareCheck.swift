import Domain
import Foundation
import Ledger

/// A published summary's total row must declare 100 %.
///
/// Catches exactly the seed's Tabla 2, which prints `10000%` as its total.
public struct DeclaredTotalShareCheck: LedgerCheck {
    public let id = "resumen.porcentaje-total"
    public let title = "El porcentaje total declarado es 100 %"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        let tables = Dictionary(grouping: try ledger.declaredShares(ejercicio: scope.ejercicio), by: \.ejercicio)
        var findings: [Finding] = []
        for (year, lines) in tables.sorted(by: { $0.key < $1.key }) {
            guard let total = lines.first(where: \.isTotal) else {
                findings.append(Finding(severity: .warning, message: "el resumen \(year) no tiene fila de total"))
                continue
            }
            if total.percentValue != 100 {
                findings.append(
                    Finding(
                        severity: .error,
                        message: "el total declarado es \(total.declaredPercent) % y debe ser 100 %",
                        reference: "resumen \(year), línea \(total.line)"))
            }
            let detail = lines.filter { !$0.isTotal }
            let declaredSum = detail.compactMap(\.percentValue).reduce(0, +)
            if declaredSum != 100 {
                findings.append(
                    Finding(
                        severity: .warning,
                        message: "los porcentajes de las filas suman \(declaredSum) %, no 100 %",
                        reference: "resumen \(year)"))
            }
        }
        return CheckResult(id: id, title: title, examined: tables.count, findings: findings)
    }
}
