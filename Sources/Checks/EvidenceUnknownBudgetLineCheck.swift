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
            var index = BudgetLineIndex(lines.map(\.key))
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

/// Budget keys looked up by the codes an evidence row gives: codes the row leaves out match anything
/// (``LinkEvidence/matches(_:)``), so the keys are projected onto the codes the row gives and looked up in a set
/// of those projections, built once for each combination of codes rows give (a handful). Scanning the renglón's
/// lines instead, a national year's evidence took minutes: every row against thousands of lines.
struct BudgetLineIndex {
    private let keys: [BudgetKey]
    /// Projections of every key onto the codes of a mask (bit 0 ejercicio, 1 entidad, 2 unidad ejecutora,
    /// 3 programa, 4 subprograma, 5 proyecto, 6 actividad, 7 obra; the renglón always).
    private var projections: [Int: Set<[String]>] = [:]

    init(_ keys: [BudgetKey]) {
        self.keys = keys
    }

    /// True when a budget line fits every budget code the evidence gives; false when it gives no renglón.
    mutating func contains(_ evidence: LinkEvidence) -> Bool {
        guard let renglon = evidence.renglon else { return false }
        let given: [String?] = [
            evidence.ejercicio.map(String.init), evidence.entidad, evidence.unidadEjecutora, evidence.programa,
            evidence.subprograma, evidence.proyecto, evidence.actividad, evidence.obra,
        ]
        var mask = 0
        var projection: [String] = []
        for (bit, code) in given.enumerated() {
            guard let code else { continue }
            mask |= 1 << bit
            projection.append(code)
        }
        projection.append(renglon.rawValue)
        if projections[mask] == nil {
            projections[mask] = Set(keys.map { Self.project($0, mask: mask) })
        }
        return projections[mask]?.contains(projection) ?? false
    }

    /// The key's codes that a mask names, in the order of ``contains(_:)``, and its renglón.
    private static func project(_ key: BudgetKey, mask: Int) -> [String] {
        let structure = key.structure
        let codes = [
            String(key.ejercicio), structure.entidad, structure.unidadEjecutora ?? "", structure.programa,
            structure.subprograma, structure.proyecto, structure.actividad, structure.obra,
        ]
        var projection: [String] = []
        for (bit, code) in codes.enumerated() where mask & (1 << bit) != 0 { projection.append(code) }
        projection.append(key.renglon.rawValue)
        return projection
    }
}
