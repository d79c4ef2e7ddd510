import ArgumentParser
import Domain
import Foundation
import Ledger
import Publishing

/// `transparencia report renglones`: execution by renglón (objeto del gasto).
struct ReportRenglonesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renglones",
        abstract: "Ejecución por renglón: asignado, vigente, comprometido, devengado, pagado y % de ejecución.",
        discussion: """
            El nombre del renglón sale del catálogo incluido o, si no lo nombra, del archivo importado.

            Ejemplos:
              transparencia report renglones --year 2022
              transparencia report renglones --year 2022 --month 6 --format json
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ExecutionReportOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let lines = try scope.lines(ledger: ledger, profile: try ledgerOptions.loadProfile())
        let catalog = RenglonCatalog.bundled
        let grouping = try ExecutionGrouping(lines, key: { $0.key.renglon }, name: { $0.names["renglon"] })
        let rows = grouping.groups.map { group in
            ExecutionReportTable.Row(
                cells: [.text(group.key.rawValue), .text(group.key.grupo.rawValue),
                        .text(catalog.name(of: group.key) ?? group.name ?? "")],
                amounts: group.amounts)
        }
        let table = try ExecutionReportTable.table(
            name: "ejecucion_renglones",
            title: "Ejecución por renglón — \(scope.describe(cutoffs: try ledger.executionCutoffs(ejercicio: scope.year)))",
            keyColumns: [
                DataColumn("renglon", .string, "Renglón (objeto del gasto)"), DataColumn("grupo", .string, "Grupo de gasto"),
                DataColumn("nombre", .string, "Nombre del renglón"),
            ],
            rows: rows, period: scope.period)
        try output.emit(table)
    }
}
