import Domain
import Foundation
import Ledger

/// A purchase linked to a year's products, or evidence of a year, dated in another year: a multi-year purchase,
/// a late award or a mistyped date; worth a look, not wrong by itself.
public struct PurchaseOutsideFiscalYearCheck: LedgerCheck {
    public let id = "compras.fecha-ejercicio"
    public let title = "Las compras vinculadas y la evidencia están fechadas en su ejercicio"
    public let severity = Diagnostic.Severity.warning

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
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
                        severity: severity,
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
                        severity: severity,
                        message:
                            "la evidencia del NOG \(row.evidence.nog ?? "") es del ejercicio \(ejercicio) y está fechada "
                            + "el \(fecha)",
                        reference: "\(row.fileName):\(row.evidence.sourceLine)",
                        rows: [.evidence(file: row.fileName, line: row.evidence.sourceLine)]
                            + [row.evidence.nog].compactMap { $0 }.map(FindingRow.nog)))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
