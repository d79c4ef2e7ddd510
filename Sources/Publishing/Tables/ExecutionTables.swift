import Domain
import Foundation
import Ledger

/// Execution by expense group, renglón and program/activity, from the current state of each budget line.
struct ExecutionTables {
    let ledger: Ledger
    let scope: DatasetScope

    func table(_ dataset: Dataset) throws -> DataTable {
        let (entidad, unidad) = scope.sicoinFilter
        let year = scope.resolvedYear(available: try ledger.executionYears())
        let lines = try year.map { try ledger.currentBudgetLines(ejercicio: $0, entidad: entidad, unidadEjecutora: unidad) }
            ?? []
        let period = year.flatMap { scope.period(year: $0) }
        if period != nil {
            let withoutMonths = lines.filter { $0.amounts.devengadoMensual.isEmpty }.count
            if withoutMonths > 0 { throw PublishingError.noMonthlyBreakdown(lines: withoutMonths, of: lines.count) }
        }
        let title = try year.map { "— " + scope.describe(year: $0, cutoffs: try ledger.executionCutoffs(ejercicio: $0)) } ?? ""
        var table: DataTable
        switch dataset {
        case .ejecucionPorRenglon: table = try byRenglon(lines, title: title, period: period)
        case .ejecucionPorActividad: table = try byActivity(lines, year: year, title: title, period: period)
        default: table = try byGroup(lines, title: title, period: period)
        }
        if lines.isEmpty {
            let whose = entidad.map { " para la entidad \($0)" } ?? ""
            table.emptyReason = "sin datos: no hay ejecución\(year.map { " del ejercicio \($0)" } ?? "")\(whose); "
                + "impórtela con `transparencia import ejecucion ARCHIVO`"
        }
        return table
    }

    private func byGroup(_ lines: [BudgetLine], title: String, period: Period?) throws -> DataTable {
        let catalog = RenglonCatalog.bundled
        let grouping = try ExecutionGrouping(lines, key: { $0.key.renglon.grupo })
        let rows = grouping.groups.map { group in
            ExecutionTable.Row(
                cells: [.text(group.key.rawValue), .text(catalog.name(of: group.key) ?? "")], amounts: group.amounts)
        }
        return try ExecutionTable.table(
            name: Dataset.ejecucionPorGrupo.rawValue, title: "Ejecución por grupo de gasto \(title)",
            keyColumns: [DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("nombre", .string, "Nombre del grupo")],
            rows: rows, period: period)
    }

    private func byRenglon(_ lines: [BudgetLine], title: String, period: Period?) throws -> DataTable {
        let catalog = RenglonCatalog.bundled
        // A file's name completes the catalog only where the catalog lacks the code, and only from an undamaged copy.
        let grouping = try ExecutionGrouping(
            lines, key: { $0.key.renglon }, name: { $0.names["renglon"].flatMap { $0.contains("\u{FFFD}") ? nil : $0 } })
        let rows = grouping.groups.map { group in
            let catalogName = catalog.name(of: group.key)
            let origin = catalogName != nil ? "catálogo" : group.name != nil ? "archivo" : ""
            return ExecutionTable.Row(
                cells: [
                    .text(group.key.rawValue), .text(group.key.grupo.rawValue), .text(catalogName ?? group.name ?? ""),
                    .text(origin),
                ],
                amounts: group.amounts)
        }
        return try ExecutionTable.table(
            name: Dataset.ejecucionPorRenglon.rawValue, title: "Ejecución por renglón \(title)",
            keyColumns: [
                DataColumn("renglon", .string, "Renglón (objeto del gasto)"),
                DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("nombre", .string, "Nombre del renglón"),
                DataColumn("origen_nombre", .string, "De dónde sale el nombre: catálogo incluido o archivo importado"),
            ],
            rows: rows, period: period)
    }

    private func byActivity(_ lines: [BudgetLine], year: Int?, title: String, period: Period?) throws -> DataTable {
        let products = try year.map { year in
            Dictionary(
                try ledger.metas(ejercicio: year).products.map { ($0.structure, $0) },
                uniquingKeysWith: { first, _ in first })
        } ?? [:]
        let grouping = try ExecutionGrouping(lines, key: { $0.key.structure.label }, name: { $0.names["actividad"] })
        let structures = Dictionary(
            lines.map { ($0.key.structure.label, $0.key.structure) }, uniquingKeysWith: { first, _ in first })
        let rows = grouping.groups.map { group in
            let structure = structures[group.key]
            let product = structure.flatMap { products[$0] }
            return ExecutionTable.Row(
                cells: [
                    .text(structure?.programa ?? ""), .text(structure?.actividad ?? ""), .text(group.key),
                    .text(group.name ?? ""), .text(product?.code ?? ""), .text(product?.name ?? ""),
                ],
                amounts: group.amounts)
        }
        return try ExecutionTable.table(
            name: Dataset.ejecucionPorActividad.rawValue, title: "Ejecución por programa y actividad \(title)",
            keyColumns: [
                DataColumn("programa"), DataColumn("actividad"),
                DataColumn("estructura", .string, "entidad-unidad ejecutora · programa-subprograma-proyecto-actividad-obra"),
                DataColumn("nombre_actividad"), DataColumn("producto", .string, "Código del producto en las metas"),
                DataColumn("nombre_producto"),
            ],
            rows: rows, period: period)
    }
}
