import Domain
import Foundation

/// Execution grouped by a dimension as a data table: the key columns, then asignado, vigente, comprometido,
/// devengado, pagado and % ejecución, with a totals row. With a period, devengado is split into the
/// period's devengado and the devengado accumulated to the end of the period, and % ejecución uses the latter.
enum ExecutionTable {
    /// One row: its key cells and its amounts.
    struct Row {
        var cells: [Cell]
        var amounts: ExecutionAmounts
    }

    static func table(name: String, title: String, keyColumns: [DataColumn], rows: [Row], period: Period?) throws -> DataTable {
        // With a period, comprometido and pagado are still the snapshot's (files give them only at the
        // cut-off), so their names say so beside the period's devengado.
        let cutoffSuffix = period == nil ? "" : "_al_corte_anual"
        let cutoffNote = period == nil ? "al corte" : "al corte del archivo importado, no al fin del período (el archivo no lo da por mes)"
        var columns = keyColumns + [
            DataColumn("asignado", .number, "Presupuesto asignado (quetzales)"),
            DataColumn("vigente", .number, "Presupuesto vigente: asignado + modificaciones"),
            DataColumn("comprometido" + cutoffSuffix, .number, "Comprometido " + cutoffNote),
        ]
        if period == nil {
            columns.append(DataColumn("devengado", .number, "Devengado al corte"))
        } else {
            columns.append(DataColumn("devengado_periodo", .number, "Devengado en el período"))
            columns.append(DataColumn("devengado_acumulado", .number, "Devengado desde enero hasta el fin del período"))
        }
        columns.append(DataColumn("pagado" + cutoffSuffix, .number, "Pagado " + cutoffNote))
        columns.append(DataColumn("porcentaje_ejecucion", .number, "Devengado / vigente, en %"))
        func amountCells(_ amounts: ExecutionAmounts) throws -> [Cell] {
            var cells: [Cell] = [.money(amounts.asignado), .money(amounts.vigente), amounts.comprometido.map(Cell.money) ?? .empty]
            let devengado: Money
            if let period {
                devengado = try amounts.devengado(inMonths: 1...period.months.upperBound)
                cells += [.money(try amounts.devengado(inMonths: period.months)), .money(devengado)]
            } else {
                devengado = amounts.devengado
                cells.append(.money(devengado))
            }
            cells.append(.money(amounts.pagado))
            cells.append(devengado.percent(of: amounts.vigente).map(Cell.percent) ?? .empty)
            return cells
        }
        var total = ExecutionAmounts.zero
        for row in rows { total = try total + row.amounts }
        let totalKey: [Cell] = [.text("Total")] + Array(repeating: .empty, count: max(0, keyColumns.count - 1))
        return DataTable(
            name: name, title: title, columns: columns, rows: try rows.map { try $0.cells + amountCells($0.amounts) },
            totals: [totalKey + (try amountCells(total))])
    }
}
