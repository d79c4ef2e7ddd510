import Domain
import Foundation
import Ledger

/// A physical goal needs money: a product with a meta física but neither presupuesto vigente in the metas nor
/// vigente in the imported execution cannot deliver it as planned.
public struct GoalWithoutBudgetCheck: LedgerCheck {
    public let id = "metas.meta-sin-presupuesto"
    public let title = "Cada meta física tiene presupuesto"
    public let severity = Diagnostic.Severity.warning

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        var examined = 0
        let years = try scope.ejercicio.map { [$0] } ?? ledger.metasYears()
        for year in years {
            let metas = try ledger.metas(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora)
            guard !metas.products.isEmpty else { continue }
            let executed = try GoalExecution.current(ledger, year: year, scope: scope)
            for product in metas.products {
                examined += 1
                guard product.meta.cantidad > 0, product.presupuestoVigente == .zero,
                    executed.amounts(of: product).vigente == .zero
                else { continue }
                findings.append(
                    Finding(
                        severity: severity,
                        message:
                            "«\(product.name)» tiene meta de \(product.meta.formatted) y ningún presupuesto: Q0.00 en las "
                            + "metas y \(executed.isEmpty ? "sin ejecución importada" : "Q0.00 de vigente en \(product.structure.label)")",
                        reference: "producto \(product.code) (\(year))", rows: [.product(product.code, year: year)]))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
