import Domain
import Foundation
import Ledger

/// Each declared percentage must equal the share computed from the amounts, at the precision the table
/// itself shows it can print.
///
/// A table that prints `16.64 %` for one line can print two decimals, so `57 %` for a line whose true
/// share is 57.37 % is a disagreement, not a rounding.
public struct DeclaredSharePrecisionCheck: LedgerCheck {
    public let id = "resumen.porcentajes-redondeo"
    public let title = "Los porcentajes declarados coinciden con los calculados"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        let tables = Dictionary(grouping: try ledger.declaredShares(ejercicio: scope.ejercicio), by: \.ejercicio)
        var findings: [Finding] = []
        var examined = 0
        for (year, lines) in tables.sorted(by: { $0.key < $1.key }) {
            let detail = lines.filter { !$0.isTotal }
            let whole: Money
            do {
                whole = try Money.sum(detail.map(\.amount))
            } catch {
                // Only a ledger holding amounts no file can have gets here: report it, keep checking.
                findings.append(
                    Finding(
                        severity: .error, message: error.errorDescription ?? "los montos exceden el máximo",
                        reference: "resumen \(year)"))
                continue
            }
            let precision = detail.map(\.percentDecimals).max() ?? 0
            for line in detail {
                examined += 1
                let computed = line.amount.percent(of: whole, decimals: precision) ?? 0
                guard let declared = line.percentValue, declared != computed else { continue }
                let shown = computed.fixed(decimals: max(precision, 2))
                findings.append(
                    Finding(
                        severity: .error,
                        message: "«\(line.label)»: declara \(line.declaredPercent) %, pero \(line.amount.formatted) de "
                            + "\(whole.formatted) es \(shown) %",
                        reference: "resumen \(year), línea \(line.line)"))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
