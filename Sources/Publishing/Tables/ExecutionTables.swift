import Domain
import Foundation
import Ledger

/// Execution by budget line, and grouped by expense group, renglón and program/activity, from the current
/// state of each budget line. Lines stream from the ledger: the line listing never holds them, the grouped
/// tables hold only their groups.
struct ExecutionTables {
    let ledger: Ledger
    let scope: DatasetScope

    /// - Parameter groupings: with `ejecucion`, the totals the tables written next on this connection ask for
    ///   (``ExecutionTotalsBatch``).
    func write(
        _ dataset: Dataset, to sink: any TableSink, keepingTotals groupings: Set<ExecutionTotals.Grouping> = []
    ) throws {
        let (entidad, unidad) = scope.sicoinFilter
        let year = scope.resolvedYear(available: try ledger.executionYears())
        let period = year.flatMap { scope.period(year: $0) }
        let title =
            try year.map { "— " + scope.describe(year: $0, cutoffs: try ledger.executionCutoffs(ejercicio: $0)) } ?? ""
        let emptyReason =
            "sin datos: no hay ejecución\(year.map { " del ejercicio \($0)" } ?? "")"
            + "\(entidad.map { " para la entidad \($0)" } ?? ""); impórtela con `transparencia import ejecucion ARCHIVO`"
        if dataset == .ejecucion {
            try ExecutionLinesTable(
                ledger: ledger, year: year, entidad: entidad, unidad: unidad, period: period,
                title: "Ejecución por línea presupuestaria \(title)", emptyReason: emptyReason
            ).write(to: sink, keepingTotals: groupings)
            return
        }
        // Groups are added up by SQLite; only when a sum leaves 64-bit centavos do the lines stream by, so the
        // error names them.
        let sqlGrouping: ExecutionTotals.Grouping? =
            switch dataset {
            case .ejecucionPorGrupo: .grupo
            case .ejecucionPorRenglon: .renglon
            case .ejecucionPorActividad: .actividad
            default: nil
            }
        if let year, let sqlGrouping,
            let totals = try ledger.currentExecutionTotals(
                ejercicio: year, entidad: entidad, unidadEjecutora: unidad, by: sqlGrouping)
        {
            if period != nil, totals.linesWithoutMonths > 0 {
                throw PublishingError.noMonthlyBreakdown(lines: totals.linesWithoutMonths, of: totals.lines)
            }
            let stamp = ExecutionTable.Stamp(
                ejercicio: year, mes: period.map(\.months.upperBound) ?? totals.latest.map(\.month),
                fechaCorte: totals.latest?.sortDate, entidad: entidad)
            var table: DataTable
            if sqlGrouping == .actividad {
                var groups = ExecutionGroups()
                for group in totals.groups { try groups.add(activity: group) }
                table = try byActivity(groups, stamp: stamp, year: year, title: title, period: period)
            } else if sqlGrouping == .grupo {
                let groups = totals.groups.compactMap { group in
                    GrupoGasto(rawValue: group.code).map { ($0, group.amounts) }
                }
                table = try byGroup(groups, stamp: stamp, title: title, period: period)
            } else {
                let catalog = RenglonCatalog.bundled
                var groups: [(Renglon, name: String?, amounts: ExecutionAmounts)] = []
                for group in totals.groups {
                    guard let renglon = Renglon(rawValue: group.code) else { continue }
                    // The file's name matters only where the catalog lacks the code.
                    let name =
                        catalog.name(of: renglon) != nil
                        ? nil
                        : try ledger.fileName(
                            ofRenglon: renglon, ejercicio: year, entidad: entidad, unidadEjecutora: unidad)
                    groups.append((renglon, name, group.amounts))
                }
                table = try byRenglon(groups, stamp: stamp, title: title, period: period)
            }
            if totals.lines == 0 { table.emptyReason = emptyReason }
            try table.replay(into: sink)
            return
        }
        var groups = ExecutionGroups()
        var lineCount = 0
        var withoutMonths = 0
        var latest: ExecutionCutoff?
        if let year {
            try ledger.forEachCurrentBudgetLine(ejercicio: year, entidad: entidad, unidadEjecutora: unidad) {
                line, cutoff in
                lineCount += 1
                if line.amounts.devengadoMensual.isEmpty { withoutMonths += 1 }
                if let current = latest {
                    if current != cutoff, cutoff.sortDate > current.sortDate { latest = cutoff }
                } else {
                    latest = cutoff
                }
                try groups.add(line, for: dataset)
            }
        }
        if period != nil, withoutMonths > 0 {
            throw PublishingError.noMonthlyBreakdown(lines: withoutMonths, of: lineCount)
        }
        let stamp = ExecutionTable.Stamp(
            ejercicio: year, mes: period.map(\.months.upperBound) ?? latest.map(\.month), fechaCorte: latest?.sortDate,
            entidad: entidad)
        var table: DataTable
        switch dataset {
        case .ejecucionPorRenglon:
            table = try byRenglon(
                groups.byRenglon.map { ($0.key, $0.value.name, $0.value.amounts) }, stamp: stamp, title: title,
                period: period)
        case .ejecucionPorActividad:
            table = try byActivity(groups, stamp: stamp, year: year, title: title, period: period)
        default:
            table = try byGroup(
                groups.byGroup.map { ($0.key, $0.value.amounts) }, stamp: stamp, title: title, period: period)
        }
        if lineCount == 0 { table.emptyReason = emptyReason }
        try table.replay(into: sink)
    }

    private func byGroup(
        _ groups: [(GrupoGasto, ExecutionAmounts)], stamp: ExecutionTable.Stamp, title: String, period: Period?
    ) throws -> DataTable {
        let catalog = RenglonCatalog.bundled
        let rows = groups.sorted { $0.0 < $1.0 }.map { key, amounts in
            ExecutionTable.Row(cells: [.text(key.rawValue), .text(catalog.name(of: key) ?? "")], amounts: amounts)
        }
        return try ExecutionTable.table(
            name: Dataset.ejecucionPorGrupo.rawValue, title: "Ejecución por grupo de gasto \(title)", stamp: stamp,
            keyColumns: [
                DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("nombre", .string, "Nombre del grupo"),
            ],
            rows: rows, period: period)
    }

    private func byRenglon(
        _ groups: [(Renglon, name: String?, amounts: ExecutionAmounts)], stamp: ExecutionTable.Stamp, title: String,
        period: Period?
    ) throws -> DataTable {
        let catalog = RenglonCatalog.bundled
        let rows = groups.sorted { $0.0 < $1.0 }.map { key, name, amounts in
            let catalogName = catalog.name(of: key)
            let origin = catalogName != nil ? "catálogo" : name != nil ? "archivo" : ""
            return ExecutionTable.Row(
                cells: [
                    .text(key.rawValue), .text(key.grupo.rawValue), .text(catalogName ?? name ?? ""), .text(origin),
                ],
                amounts: amounts)
        }
        return try ExecutionTable.table(
            name: Dataset.ejecucionPorRenglon.rawValue, title: "Ejecución por renglón \(title)", stamp: stamp,
            keyColumns: [
                DataColumn("renglon", .string, "Renglón (objeto del gasto)"),
                DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("nombre", .string, "Nombre del renglón"),
                DataColumn("origen_nombre", .string, "De dónde sale el nombre: catálogo incluido o archivo importado"),
            ],
            rows: rows, period: period)
    }

    private func byActivity(
        _ groups: ExecutionGroups, stamp: ExecutionTable.Stamp, year: Int?, title: String, period: Period?
    ) throws -> DataTable {
        let products =
            try year.map { year in
                Dictionary(
                    try ledger.metas(ejercicio: year).products.map { ($0.structure, $0) },
                    uniquingKeysWith: { first, _ in first })
            } ?? [:]
        let rows = groups.byActivity.sorted { $0.key < $1.key }.map { key, group in
            let structure = group.structure
            let product = structure.flatMap { products[$0] }
            return ExecutionTable.Row(
                cells: [
                    .text(structure?.programa ?? ""), .text(structure?.actividad ?? ""), .text(key),
                    .text(group.name ?? ""), .text(product?.code ?? ""), .text(product?.name ?? ""),
                ],
                amounts: group.amounts)
        }
        return try ExecutionTable.table(
            name: Dataset.ejecucionPorActividad.rawValue, title: "Ejecución por programa y actividad \(title)",
            stamp: stamp,
            keyColumns: [
                DataColumn("programa", .string, "Programa presupuestario"),
                DataColumn("actividad", .string, "Actividad"),
                DataColumn(
                    "estructura", .string, "entidad-unidad ejecutora · programa-subprograma-proyecto-actividad-obra"),
                DataColumn(
                    "nombre_actividad", .string, "Nombre de la actividad, como lo imprime el archivo de ejecución"),
                DataColumn("producto", .string, "Código del producto en las metas"),
                DataColumn("nombre_producto", .string, "Nombre del producto en las metas"),
            ],
            rows: rows, period: period)
    }
}

extension ExecutionCutoff {
    /// The month of the cut-off: the stated one, else the month of its date.
    var month: Int { mes ?? Int(sortDate.dropFirst(5).prefix(2)) ?? 12 }
}
