import Domain
import Foundation

@testable import Checks
@testable import Ledger

/// The five checks as they were before they added up in SQLite or read rows in place: every link, award and
/// evidence row built and looked at, over the ledger's whole-row reads. What the streamed checks must match.
enum RowByRow {
    static func shares(_ ledger: Ledger, _ scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        var examined = 0
        try ledger.forEachPurchaseLinks(ejercicio: scope.ejercicio, buyer: scope.procurements) { group in
            guard let first = group.first else { return }
            examined += 1
            let total = group.map(\.share).reduce(LinkShare(billionths: 0), +)
            guard total != .whole else { return }
            let methods = Set(group.map(\.method.rawValue)).sorted().joined(separator: ", ")
            findings.append(
                Finding(
                    severity: .error,
                    message:
                        "los vínculos del NOG \(first.nog) (\(methods)) suman una participación de \(total.decimal), "
                        + (total < .whole ? "no 1: parte de la compra queda sin vincular" : "más que la compra entera"),
                    reference: "NOG \(first.nog), \(first.ejercicio)",
                    rows: [.nog(first.nog)] + group.map { .product($0.productCode, year: $0.ejercicio) }))
        }
        return CheckResult(id: "vinculos.participaciones", title: "", examined: examined, findings: findings)
    }

    static func amounts(_ ledger: Ledger, _ scope: CheckScope) throws -> CheckResult {
        let awarded = try ledger.linkedAwardedTotals(ejercicio: scope.ejercicio, buyer: scope.procurements)
        var findings: [Finding] = []
        var examined = 0
        try ledger.forEachPurchaseLinks(ejercicio: scope.ejercicio, buyer: scope.procurements) { group in
            guard let first = group.first else { return }
            examined += 1
            let linked = try Money.sum(group.map(\.amount))
            let award = awarded[first.nog] ?? .zero
            guard linked > award else { return }
            findings.append(
                try Finding(
                    severity: .error,
                    message:
                        "los vínculos del NOG \(first.nog) suman \(linked.formatted) y lo adjudicado es \(award.formatted) "
                        + "(exceso \((linked - award).formatted)); vuelva a vincular o corrija el vínculo manual",
                    reference: "NOG \(first.nog), \(first.ejercicio)", rows: [.nog(first.nog)]))
        }
        return CheckResult(id: "vinculos.monto-adjudicado", title: "", examined: examined, findings: findings)
    }

    static func nits(_ ledger: Ledger, _ scope: CheckScope) throws -> CheckResult {
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
                    severity: .error,
                    message: "el NIT \(nit) de «\(supplier.name)» \(problem); adjudicado en \(nogs.count) NOG: "
                        + nogs.prefix(5).joined(separator: ", ") + (nogs.count > 5 ? "…" : ""),
                    reference: "proveedor \(nit)", rows: [.supplier(nit)] + nogs.map(FindingRow.nog)))
        }
        return CheckResult(id: "proveedores.nit", title: "", examined: verdicts.count, findings: findings)
    }

    static func dates(_ ledger: Ledger, _ scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        var examined = 0
        try ledger.forEachLinkedPurchaseDates(ejercicio: scope.ejercicio, buyer: scope.procurements) {
            procurement, years in
            examined += 1
            guard let date = procurement.purchaseDate else { return }
            let dateYear = ProcurementDate.year(of: date)
            for year in years where year != dateYear {
                let which = procurement.awardedAt != nil ? "adjudicada" : "publicada"
                findings.append(
                    Finding(
                        severity: .warning,
                        message: "el NOG \(procurement.nog) está vinculado a productos de \(year) y fue \(which) el "
                            + "\(ProcurementDate.dayString(date))",
                        reference: "NOG \(procurement.nog)", rows: [.nog(procurement.nog)]))
            }
        }
        let evidenceYears = try scope.ejercicio.map { [$0] } ?? ledger.linkYears()
        for year in evidenceYears {
            try ledger.forEachStoredLinkEvidence(ejercicio: year, entidad: scope.entidad) { row in
                guard let ejercicio = row.evidence.ejercicio, let fecha = row.evidence.fecha else { return }
                examined += 1
                guard Int(fecha.prefix(4)) != ejercicio else { return }
                findings.append(
                    Finding(
                        severity: .warning,
                        message:
                            "la evidencia del NOG \(row.evidence.nog ?? "") es del ejercicio \(ejercicio) y está fechada "
                            + "el \(fecha)",
                        reference: "\(row.fileName):\(row.evidence.sourceLine)",
                        rows: [.evidence(file: row.fileName, line: row.evidence.sourceLine)]
                            + [row.evidence.nog].compactMap { $0 }.map(FindingRow.nog)))
            }
        }
        return CheckResult(id: "compras.fecha-ejercicio", title: "", examined: examined, findings: findings)
    }

    static func unknownNOGs(_ ledger: Ledger, _ scope: CheckScope) throws -> CheckResult {
        let years =
            try scope.ejercicio.map { [$0] } ?? Array(Set(try ledger.linkEvidence().compactMap(\.ejercicio))).sorted()
        var rows: [StoredLinkEvidence] = []
        for year in years {
            rows += try ledger.storedLinkEvidence(ejercicio: year, entidad: scope.entidad)
        }
        let known = try ledger.knownNOGs(Set(rows.compactMap(\.evidence.nog)))
        let unknown = rows.filter { !known.contains($0.evidence.nog ?? "") }
        var findings: [Finding] = []
        for (nog, group) in Dictionary(grouping: unknown, by: { $0.evidence.nog ?? "" }).sorted(by: { $0.key < $1.key })
        {
            findings.append(
                try Finding(
                    severity: .warning,
                    message:
                        "la evidencia cita el NOG \(nog), que no está en el libro (\(Money.sum(group.map(\.evidence.monto)).formatted) "
                        + "en \(group.count) fila(s)); importe las compras que lo incluyen o revise el número",
                    reference: group.map { "\($0.fileName):\($0.evidence.sourceLine)" }.joined(separator: ", "),
                    rows: [.nog(nog)] + group.map { .evidence(file: $0.fileName, line: $0.evidence.sourceLine) }))
        }
        return CheckResult(
            id: "evidencia.nog-desconocido", title: "", examined: Set(rows.compactMap(\.evidence.nog)).count,
            findings: findings)
    }
}
