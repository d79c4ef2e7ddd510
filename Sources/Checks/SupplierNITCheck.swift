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
        // Every NIT's verdict is kept, but only a failing NIT keeps its supplier's name and NOGs: over a national
        // year the awards are hundreds of thousands, and almost every NIT passes.
        var verdicts: [String: NITCheckDigit.Outcome] = [:]
        var failing: [String: (name: String, expected: Character?, nogs: Set<String>)] = [:]
        try ledger.forEachAwardedSupplier(scope.procurementScope, scheme: .nit) { nog, supplier in
            let nit = supplier.identifier
            let verdict = verdicts[nit] ?? NITCheckDigit.check(nit)
            verdicts[nit] = verdict
            switch verdict {
            case .valid: return
            case .wrongCheckDigit(let expected):
                failing[nit, default: (supplier.displayName, expected, [])].nogs.insert(nog)
            case .malformed: failing[nit, default: (supplier.displayName, nil, [])].nogs.insert(nog)
            }
        }
        var findings: [Finding] = []
        for (nit, supplier) in failing.sorted(by: { $0.key < $1.key }) {
            let problem =
                supplier.expected.map { "no pasa el dígito verificador: debería terminar en \($0)" }
                ?? "no tiene forma de NIT (dígitos y un verificador, dígito o K)"
            let nogs = supplier.nogs.sorted()
            findings.append(
                Finding(
                    severity: severity,
                    message: "el NIT \(nit) de «\(supplier.name)» \(problem); adjudicado en \(nogs.count) NOG: "
                        + nogs.prefix(5).joined(separator: ", ") + (nogs.count > 5 ? "…" : ""),
                    reference: "proveedor \(nit)", rows: [.supplier(nit)] + nogs.map(FindingRow.nog)))
        }
        return CheckResult(id: id, title: title, examined: verdicts.count, findings: findings)
    }
}
