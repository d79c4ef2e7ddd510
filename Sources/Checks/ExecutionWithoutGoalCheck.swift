import Domain
import Foundation
import Ledger

/// A product that spends must have a physical goal: execution under a product whose meta física is zero is
/// money without a result to account for.
public struct ExecutionWithoutGoalCheck: LedgerCheck {
    public let id = "metas.ejecucion-sin-meta"
    public let title = "Cada producto con ejecución tiene meta física"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        var examined = 0
        let years = try scope.ejercicio.map { [$0] } ?? ledger.metasYears()
        for year in years {
            let products = try ledger.metas(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora
            ).products
            guard !products.isEmpty else { continue }
            let executed = try GoalExecution.current(ledger, year: year, scope: scope)
            for product in products {
                examined += 1
                let amounts = executed.amounts(of: product)
                guard product.meta.cantidad == 0, amounts.vigente != .zero || amounts.devengado != .zero else {
                    continue
                }
                findings.append(
                    Finding(
                        severity: severity,
                        message:
                            "«\(product.name)» tiene \(amounts.vigente.formatted) de vigente y \(amounts.devengado.formatted) "
                            + "devengado en \(product.structure.label), pero su meta física es 0 \(product.meta.unidadMedida)",
                        reference: "producto \(product.code) (\(year))", rows: [.product(product.code, year: year)]))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}

/// Execution added up by budget structure, to look products up by theirs.
struct GoalExecution {
    private let byStructure: [BudgetStructure: ExecutionAmounts]

    init(_ lines: [BudgetLine]) throws {
        var sums: [BudgetStructure: ExecutionAmounts] = [:]
        for line in lines { sums[line.key.structure] = try (sums[line.key.structure] ?? .zero) + line.amounts }
        byStructure = sums
    }

    private init(byStructure: [BudgetStructure: ExecutionAmounts]) {
        self.byStructure = byStructure
    }

    /// The year's current execution in scope, added up by SQLite per activity (a national year's lines, half a
    /// million, never sit in memory); only when a sum leaves 64-bit centavos are the lines added one by one, so
    /// the error is Money's own.
    static func current(_ ledger: Ledger, year: Int, scope: CheckScope) throws -> GoalExecution {
        guard
            let totals = try ledger.currentExecutionTotals(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora, by: .actividad)
        else {
            return try GoalExecution(
                ledger.currentBudgetAmounts(
                    ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora))
        }
        var sums: [BudgetStructure: ExecutionAmounts] = [:]
        for group in totals.groups {
            guard let structure = group.structure else { continue }
            sums[structure] = try (sums[structure] ?? .zero) + group.amounts
        }
        return GoalExecution(byStructure: sums)
    }

    /// The execution under a product's structure (zero when none).
    func amounts(of product: Product) -> ExecutionAmounts { byStructure[product.structure] ?? .zero }

    /// True when any execution was imported.
    var isEmpty: Bool { byStructure.isEmpty }
}
