import Domain
import Foundation
import Ledger

/// Subproducts measured in the product's own unit must add up to the product's meta física.
///
/// Subproducts in other units (a product in `Persona` with a subproduct in `Familia`) are not comparable
/// and are left out; a product with no subproduct in its unit is not checked.
public struct SubproductGoalsSumCheck: LedgerCheck {
    public let id = "metas.subproductos-suman"
    public let title = "Las metas de los subproductos suman la meta del producto"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        let years = try scope.ejercicio.map { [$0] } ?? ledger.metasYears()
        var findings: [Finding] = []
        var examined = 0
        for year in years {
            let metas = try ledger.metas(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora)
            let byProduct = Dictionary(grouping: metas.subproducts, by: \.productCode)
            for product in metas.products {
                let comparable = (byProduct[product.code] ?? []).filter {
                    $0.meta.unidadMedida.lowercased() == product.meta.unidadMedida.lowercased()
                }
                guard !comparable.isEmpty else { continue }
                examined += 1
                let sum = comparable.map(\.meta.cantidad).reduce(0, +)
                if sum != product.meta.cantidad {
                    findings.append(
                        Finding(
                            severity: .error,
                            message: "«\(product.name)»: la meta es \(product.meta.formatted) y sus subproductos en "
                                + "\(product.meta.unidadMedida) suman \(DigitGrouping.grouped(sum))",
                            reference: "producto \(product.code) (\(year))"))
                }
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
