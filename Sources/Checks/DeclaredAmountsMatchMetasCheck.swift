import Domain
import Foundation
import Ledger

/// Each summary line that names a product must declare the product's presupuesto vigente from the metas.
public struct DeclaredAmountsMatchMetasCheck: LedgerCheck {
    public let id = "resumen.montos-metas"
    public let title = "Los montos del resumen coinciden con el presupuesto vigente de los productos"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        var examined = 0
        let lines = try ledger.declaredShares(ejercicio: scope.ejercicio).filter {
            !$0.isTotal && $0.productCode != nil
        }
        for (year, yearLines) in Dictionary(grouping: lines, by: \.ejercicio).sorted(by: { $0.key < $1.key }) {
            let products = Dictionary(
                uniqueKeysWithValues: try ledger.metas(ejercicio: year).products.map { ($0.code, $0) })
            for line in yearLines {
                examined += 1
                guard let code = line.productCode, let product = products[code] else {
                    findings.append(
                        Finding(
                            severity: .error,
                            message:
                                "«\(line.label)» cita el producto «\(line.productCode ?? "")», que no está en las metas \(year)",
                            reference: "resumen \(year), línea \(line.line)"))
                    continue
                }
                if product.presupuestoVigente != line.amount {
                    findings.append(
                        Finding(
                            severity: .error,
                            message: "«\(line.label)» declara \(line.amount.formatted); el producto \(code) tiene "
                                + "\(product.presupuestoVigente.formatted) de presupuesto vigente",
                            reference: "resumen \(year), línea \(line.line)"))
                }
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
