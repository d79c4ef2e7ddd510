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
            if result.findings.isEmpty { rows.append(base + [.empty, .empty, .empty, .empty]) }
            for finding in result.findings {
                rows.append(base + [
                    .text(finding.severity.rawValue), .text(finding.message), finding.reference.map(Cell.text) ?? .empty,
                    finding.rows.isEmpty ? .empty : .text(finding.rows.map(\.description).joined(separator: "; ")),
                ])
            }
        }
        return DataTable(
            name: "verificaciones", title: "Verificaciones",
            columns: [
                DataColumn("verificacion"), DataColumn("titulo"), DataColumn("estado"), DataColumn("examinados", .integer),
                DataColumn("severidad"), DataColumn("mensaje"), DataColumn("referencia"),
                DataColumn("filas", .string, "Filas del libro que señala, tipo:clave separadas por «; » (nog:16299514)"),
            ], rows: rows)
    }
}
