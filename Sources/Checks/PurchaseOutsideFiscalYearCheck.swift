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
            // Rows read in place: only a row dated in another year is made into strings, to cite it.
            try ledger.forEachLinkEvidenceRow(ejercicio: year, entidad: scope.entidad) { row in
                guard let ejercicio = row.ejercicio, let fecha = row.text(.fecha) else { return }
                examined += 1
                if let dated = Self.leadingYear(fecha), dated == ejercicio { return }
                let fechaText = row.string(.fecha) ?? ""
                guard Int(fechaText.prefix(4)) != ejercicio else { return }
                let nog = row.string(.nog)
                findings.append(
                    Finding(
                        severity: severity,
                        message: "la evidencia del NOG \(nog ?? "") es del ejercicio \(ejercicio) y está fechada "
                            + "el \(fechaText)",
                        reference: "\(row.fileName):\(row.sourceLine)",
                        rows: [.evidence(file: row.fileName, line: row.sourceLine)]
                            + [nog].compactMap { $0 }.map(FindingRow.nog)))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }

    /// The year `Int(fecha.prefix(4))` reads when `fecha` starts with four ASCII digits that are its first four
    /// characters (nothing after them, or an ASCII byte, which never joins a digit's character); nil otherwise,
    /// for the `String` to decide.
    static func leadingYear(_ fecha: UnsafeBufferPointer<UInt8>) -> Int? {
        guard fecha.count >= 4, fecha.count == 4 || fecha[4] < 0x80 else { return nil }
        var year = 0
        for byte in fecha[0..<4] {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            year = year * 10 + Int(byte - 0x30)
        }
        return year
    }
}
