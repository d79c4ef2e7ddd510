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

/// Which evidence rows a budget line fits: codes a row leaves out match anything (``LinkEvidence/matches(_:)``),
/// so each row is reduced to the codes it gives (its mask: a handful of combinations among rows) packed into one
/// string, and each of the year's lines, as it streams past, is projected onto every mask and marks the rows'
/// projections it equals. Scanning the renglón's lines for every row instead, a national year's evidence took
/// minutes; keeping the year's keys and arrays of codes, hundreds of megabytes.
struct BudgetLineIndex {
    /// The projections rows asked for and no line has given yet, and those a line gave, by mask (bit 0 ejercicio,
    /// 1 entidad, 2 unidad ejecutora, 3 programa, 4 subprograma, 5 proyecto, 6 actividad, 7 obra; the renglón
    /// always).
    private var wanted: [Int: Set<String>] = [:]
    private var found: [Int: Set<String>] = [:]
    /// The masks apart from the dictionaries: iterating their keys while changing them would copy every set.
    private var masks: [Int] = []
    private(set) var sawLines = false

    /// True once a row with a renglón asked.
    var asks: Bool { !masks.isEmpty }

    /// How many projections are held: the distinct ones rows asked for, however many lines were offered.
    var heldProjections: Int {
        wanted.values.reduce(0) { $0 + $1.count } + found.values.reduce(0) { $0 + $1.count }
    }

    /// Notes what an evidence row asks for; a row without renglón asks nothing.
    mutating func ask(_ evidence: LinkEvidence) {
        guard let renglon = evidence.renglon else { return }
        let mask = Self.mask(of: evidence)
        if wanted[mask] == nil {
            wanted[mask] = []
            masks.append(mask)
        }
        wanted[mask]?.insert(Self.pack(Self.codes(of: evidence), renglon))
    }

    /// One of the year's lines: the projections it gives stop being wanted and are found.
    mutating func offer(_ key: BudgetKey) {
        sawLines = true
        let structure = key.structure
        let codes = [
            String(key.ejercicio), structure.entidad, structure.unidadEjecutora ?? "", structure.programa,
            structure.subprograma, structure.proyecto, structure.actividad, structure.obra,
        ]
        for mask in masks {
            let projection = Self.pack(codes.enumerated().map { mask & (1 << $0) != 0 ? $1 : nil }, key.renglon)
            if wanted[mask]?.remove(projection) != nil { found[mask, default: []].insert(projection) }
        }
    }

    /// True when a line offered fits every budget code the evidence gives; false when it gives no renglón.
    func contains(_ evidence: LinkEvidence) -> Bool {
        guard let renglon = evidence.renglon else { return false }
        return found[Self.mask(of: evidence)]?.contains(Self.pack(Self.codes(of: evidence), renglon)) ?? false
    }

    private static func mask(of evidence: LinkEvidence) -> Int {
        var mask = 0
        for (bit, code) in codes(of: evidence).enumerated() where code != nil { mask |= 1 << bit }
        return mask
    }

    private static func codes(of evidence: LinkEvidence) -> [String?] {
        [
            evidence.ejercicio.map(String.init), evidence.entidad, evidence.unidadEjecutora, evidence.programa,
            evidence.subprograma, evidence.proyecto, evidence.actividad, evidence.obra,
        ]
    }

    /// The given codes and the renglón, each preceded by its length, so no two projections pack alike.
    private static func pack(_ codes: [String?], _ renglon: Renglon) -> String {
        var packed = ""
        for code in codes.compactMap({ $0 }) + [renglon.rawValue] {
            packed += String(code.utf8.count) + ":" + code
        }
        return packed
    }
}
