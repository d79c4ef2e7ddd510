import Checks
import Domain
import Foundation

/// Check results as a data table (one row per finding, or one per check without findings) for CSV/JSON.
public enum CheckTable {
    /// One row per finding, or one per check without findings.
    public static func table(_ results: [CheckResult]) -> DataTable {
        var rows: [[Cell]] = []
        for result in results {
            let base: [Cell] = [.text(result.id), .text(result.title), .text(result.statusLabel), .integer(Int64(result.examined))]
            if result.findings.isEmpty { rows.append(base + [.empty, .empty, .empty]) }
            for finding in result.findings {
                rows.append(base + [.text(finding.severity.rawValue), .text(finding.message), finding.reference.map(Cell.text) ?? .empty])
            }
        }
        return DataTable(
            name: "verificaciones", title: "Verificaciones",
            columns: [
                DataColumn("verificacion"), DataColumn("titulo"), DataColumn("estado"), DataColumn("examinados", .integer),
                DataColumn("severidad"), DataColumn("mensaje"), DataColumn("referencia"),
            ], rows: rows)
    }
}
