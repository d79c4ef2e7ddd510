import Domain
import Foundation

extension PortalSite {
    /// Vigente and devengado by expense group (bars), from `ejecucion_por_grupo`.
    func groupChart(_ table: DataTable, id: String, subject: String) -> BarChart? {
        let inputs = table.rows.compactMap { row -> BarChart.Input? in
            guard let vigente = table.cell(row, "vigente").money, let devengado = devengado(table, row) else {
                return nil
            }
            let percent = table.cell(row, "porcentaje_ejecucion")
            return BarChart.Input(
                label: "\(table.cell(row, "grupo").plain) \(table.cell(row, "nombre").plain)",
                values: [vigente, devengado],
                notes: ["", percent == .empty ? "" : percent.display + " %"])
        }
        guard !inputs.isEmpty else { return nil }
        let words = inputs.map { "\($0.label): vigente \($0.values[0].formatted), devengado \($0.values[1].formatted)" }
        return BarChart.make(
            id: id, title: "Presupuesto vigente y devengado por grupo de gasto\(subject)",
            description: "Barras del presupuesto vigente y del devengado por grupo de gasto. "
                + words.joined(separator: "; ") + ".",
            series: ["Vigente", "Devengado"], inputs: inputs,
            data: HTMLTable.from(
                table, caption: "Datos del gráfico: vigente y devengado por grupo",
                columns: ["grupo", "nombre", "vigente", devengadoColumn(table), "porcentaje_ejecucion"]))
    }

    /// The devengado a table reports: the period's when it has one, else the year's.
    func devengadoColumn(_ table: DataTable) -> String {
        table.column("devengado_acumulado") != nil ? "devengado_acumulado" : "devengado"
    }

    private func devengado(_ table: DataTable, _ row: [Cell]) -> Money? {
        table.cell(row, devengadoColumn(table)).money
    }

    /// Devengado by month (a line), from `conciliacion_por_mes`.
    func monthlyChart(id: String) -> LineChart? {
        var months: [(month: Int, amount: Money)] = []
        for row in byMonth.rows {
            guard let month = Int(byMonth.cell(row, "mes_calendario").plain), (1...12).contains(month),
                let amount = byMonth.cell(row, "devengado").money
            else { continue }
            if let limit = scope.month, month > limit { continue }
            months.append((month, amount))
        }
        guard !months.isEmpty else { return nil }
        let words = months.map { "\(SpanishMonth.name($0.month) ?? "") \($0.amount.formatted)" }
        return LineChart.make(
            id: id, title: "Devengado por mes, \(year)",
            description: "Línea del devengado de cada mes del ejercicio \(year): " + words.joined(separator: "; ")
                + ".",
            months: months,
            data: HTMLTable.from(
                byMonth, caption: "Datos del gráfico: devengado por mes",
                columns: ["mes_calendario", "nombre", "devengado"]))
    }

    /// Each directorate's share of the products' presupuesto vigente (bars with the percentage), from `productos`.
    func directorateChart(id: String) throws -> BarChart? {
        var order: [String] = []
        var names: [String: String] = [:]
        var sums: [String: Money] = [:]
        for row in products.rows where products.cell(row, "nivel").plain == "producto" {
            let code = products.cell(row, "direccion_codigo").plain
            guard let amount = products.cell(row, "presupuesto_vigente").money else { continue }
            if sums[code] == nil { order.append(code) }
            names[code] = products.cell(row, "direccion").plain
            sums[code] = try (sums[code] ?? .zero) + amount
        }
        guard !order.isEmpty else { return nil }
        let total = try Money.sum(order.compactMap { sums[$0] })
        var rows: [[Cell]] = []
        let inputs = order.map { code -> BarChart.Input in
            let amount = sums[code] ?? .zero
            let share = amount.percent(of: total)
            rows.append([.text(code), .text(names[code] ?? ""), .money(amount), share.map(Cell.percent) ?? .empty])
            return BarChart.Input(
                label: "\(code) \(names[code] ?? "")", values: [amount],
                notes: [share.map { "\($0.fixed(decimals: 2)) %" } ?? ""])
        }
        let table = DataTable(
            name: "participacion_por_direccion", title: "Datos del gráfico: presupuesto vigente por dirección",
            columns: [
                DataColumn("direccion_codigo"), DataColumn("direccion"), DataColumn("presupuesto_vigente", .number),
                DataColumn("porcentaje", .number),
            ],
            rows: rows, totals: [[.text("TOTAL"), .empty, .money(total), total.centavos > 0 ? .percent(100) : .empty]])
        let words = inputs.map { "\($0.label): \($0.values[0].formatted) (\($0.notes.first ?? ""))" }
        return BarChart.make(
            id: id, title: "Participación de cada dirección en el presupuesto vigente de los productos",
            description: "Barras del presupuesto vigente de los productos de cada dirección y su porcentaje del total "
                + "(\(total.formatted)). " + words.joined(separator: "; ") + ".",
            series: ["Presupuesto vigente"], inputs: inputs, data: HTMLTable.from(table))
    }
}
