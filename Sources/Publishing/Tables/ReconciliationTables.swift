import Domain
import Foundation
import Ledger
import Linking

/// Execution beside linked purchases, by product, expense group, renglón or month (``Reconciliation``), as tables.
///
/// Columns: `tipo` (`clave`, `sin_clave`, `compras_sin_vincular`, `ejecucion_sin_compra`), the key, vigente,
/// comprometido, devengado (with a period: of the period and accumulated), pagado, the purchases linked
/// (`compras`, `adjudicado`, `contratado`) and the differences vigente − adjudicado and devengado − adjudicado.
/// The `clave` and `sin_clave` rows add up to the execution imported, and with `compras_sin_vincular` to the
/// awarded total of the purchases in scope; `ejecucion_sin_compra` is the same execution seen another way.
struct ReconciliationTables {
    let ledger: Ledger
    let scope: DatasetScope

    func table(_ dataset: Dataset) throws -> DataTable {
        try tables([dataset])[0]
    }

    /// Several reconciliations of the scope (one per dataset, in order) from one read of the execution and one of
    /// the purchases: on a national year each read is over a second, and an export asks for all four groupings.
    func tables(_ datasets: [Dataset]) throws -> [DataTable] {
        let groupings = datasets.map(Self.grouping)
        let (entidad, unidad) = scope.sicoinFilter
        let executionYears = try ledger.executionYears()
        let year = scope.resolvedYear(available: executionYears.isEmpty ? try ledger.linkYears() : executionYears)
        let period = year.flatMap { scope.period(year: $0) }
        let metas =
            try year.map { try ledger.metas(ejercicio: $0, entidad: entidad, unidadEjecutora: unidad) } ?? Metas()
        let products = metas.products
        // Only the links of the purchases in scope can be placed: the others (a national ledger's other buyers)
        // are not read. The purchases are placed while the execution is still being read and added up.
        let ejercicio = year ?? 0
        let inputs = try year.map {
            try ledger.reconciliationInputs(
                ejercicio: $0, entidad: entidad, unidadEjecutora: unidad,
                months: period != nil || groupings.contains(.mes), buyer: scope.procurementScope(year: $0)
            ) { forEachLine in
                var execution = ReconciliationExecution(
                    groupings: groupings, ejercicio: ejercicio, period: period, products: products)
                var lines = 0
                try forEachLine { line in
                    lines += 1
                    try execution.add(line)
                }
                return (execution: execution, lines: lines)
            } place: { forEachPurchase in
                var batch = ReconciliationPurchasesBatch(groupings: groupings, ejercicio: ejercicio, period: period)
                var count = 0
                let links = try forEachPurchase { procurement, links in
                    count += 1
                    try batch.add(procurement, links: links)
                }
                return (purchases: batch.purchases, unlinkedOnly: links == 0 && count > 0, noPurchases: count == 0)
            }
        }
        if period != nil, let year {
            let (without, total) = try ledger.linesWithoutMonths(
                ejercicio: year, entidad: entidad, unidadEjecutora: unidad)
            if without > 0 { throw PublishingError.noMonthlyBreakdown(lines: without, of: total) }
        }
        let execution =
            inputs?.summed.execution
            ?? ReconciliationExecution(groupings: groupings, ejercicio: ejercicio, period: period, products: products)
        let cutoffs = try year.map { try ledger.executionCutoffs(ejercicio: $0) } ?? []
        return try datasets.indices.map { index in
            let result = try Reconciliation(
                execution: execution, products: products,
                purchases: inputs?.placed.purchases[index]
                    ?? ReconciliationPurchases(grouping: groupings[index], ejercicio: ejercicio, period: period))
            return try table(
                datasets[index], result, metas: metas, year: year, period: period, cutoffs: cutoffs,
                lines: inputs?.summed.lines ?? 0, unlinkedOnly: inputs?.placed.unlinkedOnly == true,
                noPurchases: inputs?.placed.noPurchases != false)
        }
    }

    private static func grouping(_ dataset: Dataset) -> ReconciliationGrouping {
        switch dataset {
        case .conciliacionPorGrupo: .grupo
        case .conciliacionPorRenglon: .renglon
        case .conciliacionPorMes: .mes
        default: .producto
        }
    }

    private func table(
        _ dataset: Dataset, _ result: Reconciliation, metas: Metas, year: Int?, period: Period?,
        cutoffs: [ExecutionCutoff], lines: Int, unlinkedOnly: Bool, noPurchases: Bool
    ) throws -> DataTable {
        let grouping = result.grouping
        let entidad = scope.sicoinFilter.entidad
        let names = KeyNames(grouping: grouping, products: metas.products)
        var title =
            "Conciliación por \(grouping.rawValue) — " + (year.map { scope.describe(year: $0, cutoffs: cutoffs) } ?? "")
        if unlinkedOnly { title += " (sin vínculos: ejecute `transparencia link`)" }
        var table = try DataTable(
            name: dataset.rawValue, title: title, columns: columns(grouping, period: period),
            rows: result.rows.map { try cells($0, names: names, period: period) },
            totals: [totalRow(result.placedRows, names: names, period: period)])
        Provenance.stamp(
            &table,
            columns: [
                Provenance.ejercicio(), Provenance.mes(Provenance.requestedMonth),
                Provenance.entidad(Provenance.scopeEntity),
            ],
            cells: [Provenance.integer(year), Provenance.integer(scope.month), Provenance.text(entidad)])
        if lines == 0 && noPurchases {
            table.emptyReason =
                "sin datos: no hay ejecución ni compras\(year.map { " del ejercicio \($0)" } ?? ""); importe "
                + "la ejecución (`transparencia import ejecucion`) y las compras, y vincule con `transparencia link`"
        }
        return table
    }

    private func columns(_ grouping: ReconciliationGrouping, period: Period?) -> [DataColumn] {
        let cutoff = period == nil ? "" : "_al_corte_anual"
        var columns = [
            DataColumn(
                "tipo", .string,
                "clave; sin_clave (lo que la agrupación no puede ubicar); compras_sin_vincular; ejecucion_sin_compra (vista de la misma ejecución, no se suma)"
            )
        ]
        switch grouping {
        case .producto:
            columns += [
                DataColumn("producto", .string, "Código del producto en las metas"),
                DataColumn("nombre", .string, "Nombre del producto"),
                DataColumn("direccion_codigo", .string, "Código de la dirección responsable del producto"),
                DataColumn("direccion", .string, "Dirección responsable del producto"),
            ]
        case .grupo:
            columns += [
                DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("nombre", .string, "Nombre del grupo"),
            ]
        case .renglon:
            columns += [
                DataColumn("renglon", .string, "Renglón (objeto del gasto)"),
                DataColumn("grupo", .string, "Grupo de gasto"),
                DataColumn("nombre", .string, "Nombre del renglón"),
            ]
        case .mes:
            // `mes` itself is the provenance column (the month the publication reports).
            columns += [
                DataColumn("mes_calendario", .string, "Mes de la fila, 01 a 12"),
                DataColumn("nombre", .string, "Nombre del mes"),
            ]
        }
        columns += [
            DataColumn("vigente", .number, "Presupuesto vigente al corte"),
            DataColumn("comprometido" + cutoff, .number, "Comprometido al corte del archivo importado"),
        ]
        if period == nil {
            columns.append(DataColumn("devengado", .number, "Devengado al corte"))
        } else {
            columns.append(DataColumn("devengado_periodo", .number, "Devengado en el período"))
            columns.append(DataColumn("devengado_acumulado", .number, "Devengado desde enero hasta el fin del período"))
        }
        columns += [
            DataColumn("pagado" + cutoff, .number, "Pagado al corte del archivo importado"),
            DataColumn("compras", .integer, "NOG con una parte vinculada a la clave"),
            DataColumn("adjudicado", .number, "Monto adjudicado de esas partes"),
            DataColumn("contratado", .number, "Monto contratado de esas partes"),
            DataColumn("diferencia_vigente_adjudicado", .number, "Vigente menos adjudicado"),
            DataColumn("diferencia_devengado_adjudicado", .number, "Devengado (del período) menos adjudicado"),
        ]
        return columns
    }

    private func cells(_ row: ReconciliationRow, names: KeyNames, period: Period?) throws -> [Cell] {
        var cells: [Cell] = [.text(row.kind.rawValue)] + names.cells(row)
        let amounts = row.execution
        let full = amounts != nil && !row.devengadoOnly
        let devengado = try amounts.map { execution in
            try period.map { try execution.devengado(inMonths: $0.months) } ?? execution.devengado
        }
        cells.append(full ? amounts.map { .money($0.vigente) } ?? .empty : .empty)
        cells.append(full ? amounts?.comprometido.map(Cell.money) ?? .empty : .empty)
        cells.append(devengado.map(Cell.money) ?? .empty)
        if let period {
            cells.append(
                full
                    ? try amounts.map { .money(try $0.devengado(inMonths: 1...period.months.upperBound)) } ?? .empty
                    : .empty)
        }
        cells.append(full ? amounts.map { .money($0.pagado) } ?? .empty : .empty)
        let purchases = row.kind != .executionWithoutPurchase
        cells.append(purchases ? .integer(Int64(row.purchases)) : .empty)
        cells.append(purchases ? .money(row.awarded) : .empty)
        cells.append(purchases ? .money(row.contracted) : .empty)
        let compares = purchases && amounts != nil
        cells.append(compares && full ? try amounts.map { .money(try $0.vigente - row.awarded) } ?? .empty : .empty)
        cells.append(compares ? try devengado.map { .money(try $0 - row.awarded) } ?? .empty : .empty)
        return cells
    }

    private func totalRow(_ rows: [ReconciliationRow], names: KeyNames, period: Period?) throws -> [Cell] {
        var total = ReconciliationRow(kind: .key, key: "Total", execution: .zero)
        for row in rows {
            if let amounts = row.execution, !row.devengadoOnly {
                total.execution = try (total.execution ?? .zero) + amounts
            }
            total.purchases += row.purchases
            try total.awarded += row.awarded
            try total.contracted += row.contracted
        }
        if rows.allSatisfy(\.devengadoOnly) {
            total.devengadoOnly = true
            total.execution = try rows.reduce(ExecutionAmounts.zero) { try $0 + ($1.execution ?? .zero) }
        }
        var cells = try self.cells(total, names: names, period: period)
        cells[0] = .empty
        cells[1] = .text("Total")
        for index in 2..<(1 + names.width) { cells[index] = .empty }
        return cells
    }
}

/// The names printed beside each key: product and directorate, group or renglón name, month name, and what the
/// rows without key hold.
private struct KeyNames {
    let grouping: ReconciliationGrouping
    let products: [String: Product]
    let catalog = RenglonCatalog.bundled

    init(grouping: ReconciliationGrouping, products: [Product]) {
        self.grouping = grouping
        self.products = Dictionary(products.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// How many key columns the grouping has.
    var width: Int {
        switch grouping {
        case .producto: 4
        case .renglon: 3
        case .grupo, .mes: 2
        }
    }

    func cells(_ row: ReconciliationRow) -> [Cell] {
        let key = row.kind == .key
        // The two lines that are never hidden are told by `tipo`; their key stays empty.
        let code: Cell = row.kind == .key || row.kind == .withoutKey ? .text(row.key) : .empty
        switch grouping {
        case .producto:
            let product = key ? products[row.key] : nil
            return [
                code, .text(name(row)), product.map { .text($0.directorate.code) } ?? .empty,
                product.map { .text($0.directorate.name) } ?? .empty,
            ]
        case .renglon:
            let grupo = key ? Renglon(rawValue: row.key)?.grupo.rawValue : nil
            return [code, grupo.map(Cell.text) ?? .empty, .text(name(row))]
        case .grupo, .mes:
            return [code, .text(name(row))]
        }
    }

    private func name(_ row: ReconciliationRow) -> String {
        switch row.kind {
        case .unlinkedPurchases: return "Compras sin vincular"
        case .executionWithoutPurchase: return "Ejecución sin compra vinculada (misma ejecución, otra vista)"
        case .withoutKey:
            switch row.key {
            case "sin_producto": return "Ejecución en estructuras sin producto en las metas"
            case "sin_renglon": return "Compras vinculadas sin renglón"
            case "sin_fecha": return "Compras sin fecha dentro del ejercicio"
            case "sin_mes": return "Devengado sin desglose mensual"
            default: return row.key
            }
        case .key:
            switch grouping {
            case .producto: return products[row.key]?.name ?? ""
            case .grupo: return GrupoGasto(rawValue: row.key).flatMap { catalog.name(of: $0) } ?? ""
            case .renglon: return Renglon(rawValue: row.key).flatMap { catalog.name(of: $0) } ?? ""
            case .mes: return Int(row.key).flatMap { SpanishMonth.name($0) } ?? ""
            }
        }
    }
}
