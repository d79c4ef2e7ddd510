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
            // The rows stream once for what each asks for (a ticket per row is kept, not the row) and the year's
            // lines once: what is held grows with the evidence, never with the execution. Only when some row fits
            // no line are the rows read again, to cite those.
            var index = BudgetLineIndex()
            var asked: [(id: Int64, ticket: Int)] = []
            try ledger.forEachLinkEvidenceRow(ejercicio: year, entidad: scope.entidad) { row in
                if let codes = BudgetCodeBytes(row) { asked.append((row.id, index.ask(codes))) }
            }
            guard index.asks else { continue }
            try ledger.forEachCurrentBudgetCodes(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora
            ) { index.offer(BudgetCodeBytes($0)) }
            guard index.sawLines else { continue }  // no execution imported for the year: nothing to compare with
            examined += asked.count
            let unfit = asked.filter { !index.gave($0.ticket) }.map(\.id)  // in id order, as the rows came
            guard !unfit.isEmpty else { continue }
            // The second read is its own: a row gone since the first is not cited, and rows imported since are left
            // for the next check.
            var next = 0
            try ledger.forEachLinkEvidenceRow(ejercicio: year, entidad: scope.entidad) { row in
                while next < unfit.count && unfit[next] < row.id { next += 1 }
                guard next < unfit.count, unfit[next] == row.id else { return }
                findings.append(finding(row, year: year))
            }
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }

    /// The row and the codes it cites, as a ``StoredLinkEvidence`` of it would print them.
    private func finding(_ row: LinkEvidenceRowView, year: Int) -> Finding {
        let nog = row.string(.nog) ?? ""  // the rows read all name a NOG
        let structure: [LinkEvidenceColumn] = [.programa, .subprograma, .proyecto, .actividad, .obra]
        let codes = [
            row.string(.entidad), row.string(.unidadEjecutora),
            structure.map { row.string($0) ?? "*" }.joined(separator: "-"),
            row.string(.renglon).map { "renglón \($0)" },
        ].compactMap { $0 }.joined(separator: " · ")
        return Finding(
            severity: severity,
            message:
                "la evidencia del NOG \(nog) (\(row.monto.formatted)) cita \(codes), que no está en la ejecución "
                + "\(year) importada",
            reference: "\(row.fileName):\(row.sourceLine)",
            rows: [
                .evidence(file: row.fileName, line: row.sourceLine), FindingRow("linea", "\(year) \(codes)"),
                .nog(nog),
            ])
    }
}
