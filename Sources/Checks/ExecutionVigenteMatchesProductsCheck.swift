import Domain
import Foundation
import Ledger

/// The execution's vigente per program/activity must equal the metas' presupuesto vigente of the product
/// mapped to that structure (the product ↔ structure mapping is data in the metas file).
///
/// Each product with execution under its structure is compared; a product without execution and an
/// activity with execution but no product are reported as warnings (the file may cover part of the year's
/// budget, or the activity may be outside the products' scope).
public struct ExecutionVigenteMatchesProductsCheck: LedgerCheck {
    public let id = "ejecucion.vigente-por-producto"
    public let title = "El vigente de la ejecución por actividad coincide con el presupuesto vigente de cada producto"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        var examined = 0
        let years = try scope.ejercicio.map { [$0] } ?? ledger.executionYears().sorted()
        for year in years {
            let products = try ledger.metas(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora
            ).products
            guard !products.isEmpty else { continue }
            let byStructure: [(key: String, vigente: Money)]
            do {
                guard let sums = try vigenteByStructure(ledger, year: year, scope: scope) else { continue }
                byStructure = sums
            } catch let error as MoneyOverflowError {
                // Only a ledger holding amounts no file can have gets here: report it, keep checking.
                findings.append(
                    Finding(
                        severity: .error, message: error.errorDescription ?? "los montos exceden el máximo",
                        reference: "ejecución \(year)"))
                continue
            }
            let executed = Dictionary(uniqueKeysWithValues: byStructure.map { ($0.key, $0.vigente) })
            for product in products {
                examined += 1
                let reference = "producto \(product.code), \(year), \(product.structure.label)"
                guard let vigente = executed[product.structure.label] else {
                    findings.append(
                        Finding(
                            severity: .warning,
                            message:
                                "«\(product.name)» no tiene ejecución importada en su estructura \(product.structure.label)",
                            reference: reference))
                    continue
                }
                if vigente != product.presupuestoVigente {
                    findings.append(
                        Finding(
                            severity: .error,
                            message:
                                "«\(product.name)»: la ejecución suma \(vigente.formatted) de vigente y las metas dicen "
                                + "\(product.presupuestoVigente.formatted) (diferencia \((try? vigente - product.presupuestoVigente)?.formatted ?? "fuera de rango"))",
                            reference: reference))
                }
            }
            let mapped = Set(products.map(\.structure.label))
            for group in byStructure where !mapped.contains(group.key) {
                findings.append(
                    Finding(
                        severity: .warning,
                        message:
                            "la actividad \(group.key) tiene \(group.vigente.formatted) de vigente y ningún producto de las metas \(year)",
                        reference: "ejecución \(year), \(group.key)"))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }

    /// The year's vigente per structure (its label), sorted by label; nil when the year has no execution in scope.
    /// Added up by SQLite (a national year's lines never sit in memory); only when a sum leaves 64-bit centavos are
    /// the lines added one by one, so the error is Money's own.
    private func vigenteByStructure(
        _ ledger: Ledger, year: Int, scope: CheckScope
    ) throws -> [(key: String, vigente: Money)]? {
        if let totals = try ledger.currentExecutionTotals(
            ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora, by: .actividad)
        {
            guard totals.lines > 0 else { return nil }
            var sums: [String: Money] = [:]
            for group in totals.groups { sums[group.code] = try (sums[group.code] ?? .zero) + group.amounts.vigente }
            return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let lines = try ledger.currentBudgetLines(
            ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora)
        guard !lines.isEmpty else { return nil }
        return try ExecutionGrouping(lines, key: { $0.key.structure.label }).groups.map { ($0.key, $0.amounts.vigente) }
    }
}
