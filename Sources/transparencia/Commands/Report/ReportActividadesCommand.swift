import ArgumentParser
import Domain
import Foundation
import Ledger
import Publishing

/// `transparencia report actividades`: execution by program/activity, with the metas product of each.
struct ReportActividadesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actividades",
        abstract: "Ejecución por programa/actividad, con el producto de las metas al que corresponde cada una.",
        discussion: """
            La correspondencia actividad ↔ producto es la estructura presupuestaria que declara el archivo de metas
            (entidad, unidad ejecutora, programa, subprograma, proyecto, actividad, obra). Una actividad sin
            producto se muestra con el producto vacío.

            Ejemplos:
              transparencia report actividades --year 2022
              transparencia report actividades --year 2022 --cuatrimestre 2 --format csv
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ExecutionReportOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let lines = try scope.lines(ledger: ledger, profile: try ledgerOptions.loadProfile())
        let products = Dictionary(
            try ledger.metas(ejercicio: scope.year).products.map { ($0.structure, $0) }, uniquingKeysWith: { first, _ in first })
        let grouping = try ExecutionGrouping(lines, key: { $0.key.structure.label }, name: { $0.names["actividad"] })
        let structures = Dictionary(lines.map { ($0.key.structure.label, $0.key.structure) }, uniquingKeysWith: { first, _ in first })
        let rows = grouping.groups.map { group in
            let structure = structures[group.key]
            let product = structure.flatMap { products[$0] }
            return ExecutionReportTable.Row(
                cells: [
                    .text(structure?.programa ?? ""), .text(structure?.actividad ?? ""), .text(group.key),
                    .text(group.name ?? ""), .text(product?.code ?? ""), .text(product?.name ?? ""),
                ],
                amounts: group.amounts)
        }
        let table = try ExecutionReportTable.table(
            name: "ejecucion_actividades",
            title: "Ejecución por programa y actividad — \(scope.describe(cutoffs: try ledger.executionCutoffs(ejercicio: scope.year)))",
            keyColumns: [
                DataColumn("programa"), DataColumn("actividad"),
                DataColumn("estructura", .string, "entidad-unidad ejecutora · programa-subprograma-proyecto-actividad-obra"),
                DataColumn("nombre_actividad"), DataColumn("producto", .string, "Código del producto en las metas"),
                DataColumn("nombre_producto"),
            ],
            rows: rows, period: scope.period)
        try output.emit(table)
    }
}
