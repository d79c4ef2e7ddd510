import Checks
import Domain
import Foundation

/// The checks with findings as the provenance block shows them: one row per check (its most severe finding,
/// how many there are, the first finding of that severity as an example), never every finding. A national ledger's checks find
/// hundreds of problems; listing them on each of a site's pages made the block most of every page, and the
/// whole list is one click away in `datos/verificaciones.csv`.
enum CheckFindingsSummary {
    /// The table of checks that found something, most severe first, then in the checks' own order.
    static func table(_ results: [CheckResult]) -> DataTable {
        let rows =
            results
            .enumerated()
            .compactMap { position, result -> (Diagnostic.Severity, Int, [Cell])? in
                // The example is the first finding of the worst severity: an «error» row must not show a warning.
                guard let worst = result.findings.map(\.severity).max(),
                    let first = result.findings.first(where: { $0.severity == worst })
                else { return nil }
                let example = first.reference.map { "\(first.message) (\($0))" } ?? first.message
                return (
                    worst, position,
                    [
                        .text(result.id), .text(worst.label), .integer(Int64(result.findings.count)),
                        .text(example),
                    ]
                )
            }
            .sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            .map(\.2)
        var table = DataTable(
            name: "verificaciones", title: "Verificaciones con hallazgos (detalle en datos/verificaciones.csv)",
            columns: [
                DataColumn("verificacion"), DataColumn("severidad"), DataColumn("hallazgos", .integer),
                DataColumn("ejemplo"),
            ],
            rows: rows)
        table.emptyReason = "ninguna verificación encontró problemas"
        return table
    }
}
