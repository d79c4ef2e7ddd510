import Domain
import Foundation
import Ledger

/// Evidence that names a NOG the ledger does not hold cannot link anything: the procurement file that has it
/// was not imported (another unit, another year), or the NOG is mistyped.
public struct EvidenceUnknownNOGCheck: LedgerCheck {
    public let id = "evidencia.nog-desconocido"
    public let title = "Los NOG que cita la evidencia están en el libro"
    public let severity = Diagnostic.Severity.warning

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        // Only the NOGs are held while the rows stream (eight digits: no allocation each), read in place from SQLite's
        // rows; the rows of unknown NOGs, which are few, are gathered on a second pass.
        let years = try evidenceYears(ledger, scope)
        var nogs = Set<String>()
        // Each pass is its own read: rows imported between them (ids past the first pass's) are left out.
        var lastID = Int64.min
        for year in years {
            try ledger.forEachLinkEvidenceRow(ejercicio: year, entidad: scope.entidad) { row in
                if let nog = row.string(.nog) { nogs.insert(nog) }
                lastID = max(lastID, row.id)
            }
        }
        let known = try ledger.knownNOGs(nogs)
        var rows: [(nog: String, fileName: String, line: Int, monto: Money)] = []
        if known.count < nogs.count {
            for year in years {
                try ledger.forEachLinkEvidenceRow(ejercicio: year, entidad: scope.entidad) { row in
                    if let nog = row.string(.nog), row.id <= lastID, !known.contains(nog) {
                        rows.append((nog, row.fileName, row.sourceLine, row.monto))
                    }
                }
            }
        }
        var findings: [Finding] = []
        for (nog, group) in Dictionary(grouping: rows, by: \.nog).sorted(by: { $0.key < $1.key }) {
            findings.append(
                try Finding(
                    severity: severity,
                    message:
                        "la evidencia cita el NOG \(nog), que no está en el libro (\(Money.sum(group.map(\.monto)).formatted) "
                        + "en \(group.count) fila(s)); importe las compras que lo incluyen o revise el número",
                    reference: group.map { "\($0.fileName):\($0.line)" }.joined(separator: ", "),
                    rows: [.nog(nog)] + group.map { .evidence(file: $0.fileName, line: $0.line) }))
        }
        return CheckResult(id: id, title: title, examined: nogs.count, findings: findings)
    }
}

/// The years with evidence a check should look at.
func evidenceYears(_ ledger: Ledger, _ scope: CheckScope) throws -> [Int] {
    if let year = scope.ejercicio { return [year] }
    return Array(Set(try ledger.linkEvidence().compactMap(\.ejercicio))).sorted()
}
