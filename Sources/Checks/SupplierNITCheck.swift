import Domain
import Foundation
import Ledger

/// Every supplier awarded under a NIT must have a NIT that passes Guatemala's check digit (modulo 11, `K` = 10):
/// a NIT that fails it is mistyped or not a NIT, and the award cannot be tied to a taxpayer.
public struct SupplierNITCheck: LedgerCheck {
    public let id = "proveedores.nit"
    public let title = "El NIT de cada proveedor adjudicado pasa el dígito verificador (módulo 11)"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var nogsByNIT: [String: (name: String, nogs: [String])] = [:]
        let procurements =
            try scope.procurementScope.map(ledger.linkableProcurements) ?? ledger.linkableProcurements(year: nil)
        for procurement in procurements {
            for award in procurement.awards {
                guard let nit = award.supplier.nit else { continue }
                nogsByNIT[nit, default: (award.supplier.displayName, [])].nogs.append(procurement.nog)
            }
        }
        var findings: [Finding] = []
        for (nit, supplier) in nogsByNIT.sorted(by: { $0.key < $1.key }) {
            let problem: String
            switch NITCheckDigit.check(nit) {
            case .valid: continue
            case .wrongCheckDigit(let expected):
                problem = "no pasa el dígito verificador: debería terminar en \(expected)"
            case .malformed: problem = "no tiene forma de NIT (dígitos y un verificador, dígito o K)"
            }
            let nogs = Array(Set(supplier.nogs)).sorted()
            findings.append(
                Finding(
                    severity: severity,
                    message: "el NIT \(nit) de «\(supplier.name)» \(problem); adjudicado en \(nogs.count) NOG: "
                        + nogs.prefix(5).joined(separator: ", ") + (nogs.count > 5 ? "…" : ""),
                    reference: "proveedor \(nit)", rows: [.supplier(nit)] + nogs.map(FindingRow.nog)))
        }
        return CheckResult(id: id, title: title, examined: nogsByNIT.count, findings: findings)
    }
}
