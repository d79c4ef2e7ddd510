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
        // Each NIT is judged once, from SQLite's distinct identifiers; only a failing NIT's awards are read, for its
        // supplier's name and NOGs. Over a national year the awards are hundreds of thousands and almost every NIT
        // passes. Distinct bytes are distinct `String`s only in ASCII (`K` and the Kelvin sign are one `String`), so
        // any other NIT sends the check through every award, as it always went.
        var distinct = 0
        var failing: [String] = []
        var ascii = true
        try ledger.forEachAwardedSupplierIdentifier(scope.procurementScope, scheme: .nit) { nit in
            guard ascii, nit.utf8.allSatisfy({ $0 < 0x80 }) else {
                ascii = false
                return
            }
            distinct += 1
            if !NITQuickCheck.passes(nit) && NITCheckDigit.check(nit) != .valid { failing.append(nit) }
        }
        guard ascii else { return try runOverEveryAward(on: ledger, scope: scope) }
        var suppliers = FailingSuppliers()
        if !failing.isEmpty {
            try ledger.forEachAwardedSupplier(scope.procurementScope, scheme: .nit, identifiers: failing) {
                nog, supplier in
                suppliers.add(nog: nog, supplier: supplier, NITCheckDigit.check(supplier.identifier))
            }
        }
        return CheckResult(id: id, title: title, examined: distinct, findings: suppliers.findings(severity: severity))
    }

    /// The check award by award: every NIT's verdict kept, a failing NIT's name and NOGs gathered as they come.
    private func runOverEveryAward(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var verdicts: [String: NITCheckDigit.Outcome] = [:]
        var suppliers = FailingSuppliers()
        try ledger.forEachAwardedSupplier(scope.procurementScope, scheme: .nit) { nog, supplier in
            let nit = supplier.identifier
            let verdict = verdicts[nit] ?? NITCheckDigit.check(nit)
            verdicts[nit] = verdict
            suppliers.add(nog: nog, supplier: supplier, verdict)
        }
        return CheckResult(
            id: id, title: title, examined: verdicts.count, findings: suppliers.findings(severity: severity))
    }
}
