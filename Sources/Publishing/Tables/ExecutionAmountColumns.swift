import Domain
import Foundation

/// The amount columns of every execution table and their cells: asignado, vigente, comprometido, devengado,
/// pagado and % ejecución. With a period, devengado is split into the period's devengado and the devengado
/// accumulated to the end of the period, and % ejecución uses the latter.
struct ExecutionAmountColumns {
    let period: Period?

    var columns: [DataColumn] {
        // With a period, comprometido and pagado are still the snapshot's (files give them only at the
        // cut-off), so their names say so beside the period's devengado.
        let cutoffSuffix = period == nil ? "" : "_al_corte_anual"
        let cutoffNote =
            period == nil
            ? "al corte" : "al corte del archivo importado, no al fin del período (el archivo no lo da por mes)"
        var columns = [
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
        return columns
    }

    func cells(_ amounts: ExecutionAmounts) throws -> [Cell] {
        var cells: [Cell] = [
            .money(amounts.asignado), .money(amounts.vigente), amounts.comprometido.map(Cell.money) ?? .empty,
        ]
        let devengado: Money
        if let period {
            devengado = try amounts.devengado(inMonths: 1...period.months.upperBound)
            try cells += [.money(amounts.devengado(inMonths: period.months)), .money(devengado)]
        } else {
            devengado = amounts.devengado
            cells.append(.money(devengado))
        }
        cells.append(.money(amounts.pagado))
        cells.append(devengado.percent(of: amounts.vigente).map(Cell.percent) ?? .empty)
        return cells
    }
}
