import Domain
import Foundation
import Ledger

/// The amounts of a published summary must add up to its total row.
public struct DeclaredAmountsSumCheck: LedgerCheck {
    public let id = "resumen.montos-suma"
    public let title = "Los montos del resumen suman el total declarado"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        let tables = Dictionary(grouping: try ledger.declaredShares(ejercicio: scope.ejercicio), by: \.ejercicio)
        var findings: [Finding] = []
        for (year, lines) in tables.sorted(by: { $0.key < $1.key }) {
            guard let total = lines.first(where: \.isTotal) else { continue }
            let sum: Money
            do {
                sum = try Money.sum(lines.filter { !$0.isTotal }.map(\.amount))
            } catch {
                // Only a ledger holding amounts no file can have gets here: report it, keep checking.
                findings.append(
                    Finding(
                        severity: .error, message: error.errorDescription ?? "los montos exceden el máximo",
                        reference: "resumen \(year)"))
                continue
            }
            if sum != total.amount {
                let gap = (try? total.amount - sum)?.formatted ?? "fuera de rango"
                findings.append(
                    Finding(
                        severity: .error,
                        message: "las filas suman \(sum.formatted) y el total declarado es \(total.amount.formatted) "
                            + "(diferencia \(gap))",
                        reference: "resumen \(year), línea \(total.line)"))
            }
        }
        return CheckResult(id: id, title: title, examined: tables.count, findings: findings)
    }
}
