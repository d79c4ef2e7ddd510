import Domain
import Foundation
import Ledger

/// Evidence must point at budget lines the imported execution has: a NOG charged to a programa, actividad or
/// renglón the year's execution lacks means the evidence or the execution is wrong (or incomplete).
public struct EvidenceUnknownBudgetLineCheck: LedgerCheck {
    public let id = "evidencia.linea-desconocida"
    public let title = "Las líneas presupuestarias que cita la evidencia están en la ejecución"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        var examined = 0
        for year in try evidenceYears(ledger, scope) {
            // The rows stream twice (what each asks for, then each row against what the lines had) and the year's
            // lines once: what is held grows with the evidence, never with the execution.
            // Each pass is its own read: rows imported between them (ids past the first pass's) are left for the
            // next check rather than reported for asking nothing.
            var index = BudgetLineIndex()
            var lastID = Int64.min
            try ledger.forEachStoredLinkEvidence(ejercicio: year, entidad: scope.entidad) {
                index.ask($0.evidence)
                lastID = max(lastID, $0.id)
            }
            guard index.asks else { continue }
            try ledger.forEachCurrentBudgetKey(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora
            ) { index.offer($0) }
            guard index.sawLines else { continue }  // no execution imported for the year: nothing to compare with
            try ledger.forEachStoredLinkEvidence(ejercicio: year, entidad: scope.entidad) { row in
                guard row.evidence.renglon != nil, row.id <= lastID else { return }
                examined += 1
                guard !index.contains(row.evidence) else { return }
                let evidence = row.evidence
                let codes = [
                    evidence.entidad, evidence.unidadEjecutora,
                    [evidence.programa, evidence.subprograma, evidence.proyecto, evidence.actividad, evidence.obra]
                        .map { $0 ?? "*" }.joined(separator: "-"),
                    evidence.renglon.map { "renglón \($0.rawValue)" },
                ].compactMap { $0 }.joined(separator: " · ")
                findings.append(
                    Finding(
                        severity: severity,
                        message:
                            "la evidencia del NOG \(evidence.nog ?? evidence.npg ?? "") (\(evidence.monto.formatted)) cita "
                            + "\(codes), que no está en la ejecución \(year) importada",
                        reference: "\(row.fileName):\(evidence.sourceLine)",
                        rows: [
                            .evidence(file: row.fileName, line: evidence.sourceLine),
                            FindingRow("linea", "\(year) \(codes)"),
                        ]
                            + [evidence.nog].compactMap { $0 }.map(FindingRow.nog)))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
