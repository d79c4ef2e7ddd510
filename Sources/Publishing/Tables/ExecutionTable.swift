import Domain
import Foundation

/// Execution grouped by a dimension as a data table: the provenance columns, the key columns, then the
/// amounts (``ExecutionAmountColumns``), with a totals row.
enum ExecutionTable {
    /// One row: its key cells and its amounts.
    struct Row {
        var cells: [Cell]
        var amounts: ExecutionAmounts
    }

    /// What every row of a grouped table says about where its data come from.
    struct Stamp {
        var ejercicio: Int?
        var mes: Int?
        var fechaCorte: String?
        var entidad: String?

        static let columns = [
            Provenance.ejercicio(),
            Provenance.mes("Mes informado: el de --month (o el último del --cuatrimestre), si no el del corte"),
            Provenance.fechaCorte, Provenance.entidad(Provenance.scopeEntity),
        ]

        var cells: [Cell] {
            [
                Provenance.integer(ejercicio), Provenance.integer(mes), Provenance.text(fechaCorte),
                Provenance.text(entidad),
            ]
        }
    }

    static func table(
        name: String, title: String, stamp: Stamp, keyColumns: [DataColumn], rows: [Row], period: Period?
    ) throws -> DataTable {
        let amounts = ExecutionAmountColumns(period: period)
        let total = try rows.reduce(ExecutionAmounts.zero) { try $0 + $1.amounts }
        let totalKey: [Cell] =
            Array(repeating: .empty, count: Stamp.columns.count) + [.text("Total")]
            + Array(repeating: .empty, count: max(0, keyColumns.count - 1))
        return try DataTable(
            name: name, title: title, columns: Stamp.columns + keyColumns + amounts.columns,
            rows: rows.map { try stamp.cells + $0.cells + amounts.cells($0.amounts) },
            totals: [totalKey + amounts.cells(total)])
    }
}
