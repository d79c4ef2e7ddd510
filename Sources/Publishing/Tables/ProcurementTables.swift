import Domain
import Foundation

/// Procurement totals by one key (modality or status) as a table, with the overall total as the totals row.
public enum ProcurementTables {
    /// Totals by one key with the overall total as the totals row.
    public static func totals(_ totals: ProcurementTotals, name: String, title: String, keyColumn: String) -> DataTable
    {
        func cells(_ row: ProcurementTotals.Row) -> [Cell] {
            [
                .text(row.label), .integer(Int64(row.processes)), .integer(Int64(row.awardedProcesses)),
                .money(row.awardedAmount), .integer(Int64(row.awardsWithoutAmount)),
            ]
        }
        return DataTable(
            name: name, title: title,
            columns: [
                DataColumn(keyColumn, .string), DataColumn("procesos", .integer, "Procesos"),
                DataColumn("procesos_adjudicados", .integer, "Procesos con al menos una adjudicación activa"),
                DataColumn("monto_adjudicado", .number, "Suma de adjudicaciones activas con monto"),
                DataColumn("adjudicaciones_sin_monto", .integer, "Adjudicaciones activas sin monto informado"),
            ],
            rows: totals.rows.map(cells), totals: [cells(totals.total)])
    }
}
