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
            let lines = try ledger.currentBudgetAmounts(
                ejercicio: year, entidad: scope.entidad, unidadEjecutora: scope.unidadEjecutora)
            guard !lines.isEmpty else { continue }  // no execution imported for the year: nothing to compare with
            let index = BudgetLineIndex(lines.map(\.key))
            for row in try ledger.storedLinkEvidence(ejercicio: year, entidad: scope.entidad)
            where row.evidence.renglon != nil {
                examined += 1
                guard !index.contains(row.evidence) else { continue }
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

/// Budget keys looked up by the codes an evidence row gives: a set lookup when it gives them all, a scan of the
/// renglón's lines otherwise.
struct BudgetLineIndex {
    private let full: Set<String>
    private let byRenglon: [Renglon: [BudgetKey]]

    init(_ keys: [BudgetKey]) {
        full = Set(keys.map { Self.signature($0.ejercicio, $0.structure, $0.renglon) })
        byRenglon = Dictionary(grouping: keys, by: \.renglon)
    }

    func contains(_ evidence: LinkEvidence) -> Bool {
        if let ejercicio = evidence.ejercicio, let entidad = evidence.entidad, let programa = evidence.programa,
            let subprograma = evidence.subprograma, let proyecto = evidence.proyecto,
            let actividad = evidence.actividad,
            let obra = evidence.obra, let renglon = evidence.renglon
        {
            let structure = BudgetStructure(
                entidad: entidad, unidadEjecutora: evidence.unidadEjecutora, programa: programa,
                subprograma: subprograma,
                proyecto: proyecto, actividad: actividad, obra: obra)
            if full.contains(Self.signature(ejercicio, structure, renglon)) { return true }
        }
        guard let renglon = evidence.renglon else { return false }
        return (byRenglon[renglon] ?? []).contains { evidence.matches($0) }
    }

    private static func signature(_ ejercicio: Int, _ structure: BudgetStructure, _ renglon: Renglon) -> String {
        [
            String(ejercicio), structure.entidad, structure.unidadEjecutora ?? "", structure.programa,
            structure.subprograma,
            structure.proyecto, structure.actividad, structure.obra, renglon.rawValue,
        ].joined(separator: "|")
    }
}
