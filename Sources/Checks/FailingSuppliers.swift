import Domain
import Foundation

/// The suppliers whose NIT fails its check digit, gathered award by award (by NOG, then award): the first name
/// each NIT came with and every NOG it was awarded in.
struct FailingSuppliers {
    private var failing: [String: (name: String, expected: Character?, nogs: Set<String>)] = [:]

    /// Notes one award of `supplier` in `nog`, judged `verdict`; a valid NIT is passed over.
    mutating func add(nog: String, supplier: Supplier, _ verdict: NITCheckDigit.Outcome) {
        let nit = supplier.identifier
        switch verdict {
        case .valid: return
        case .wrongCheckDigit(let expected):
            failing[nit, default: (supplier.displayName, expected, [])].nogs.insert(nog)
        case .malformed: failing[nit, default: (supplier.displayName, nil, [])].nogs.insert(nog)
        }
    }

    /// One finding per failing NIT, by NIT, with at most five of its NOGs in the message and all in its rows.
    func findings(severity: Diagnostic.Severity) -> [Finding] {
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
        return findings
    }
}
