import ArgumentParser
import Domain
import Foundation
import Ledger
import Publishing

/// `transparencia report grupos`: execution by expense group (000 Servicios personales … 900).
struct ReportGruposCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grupos",
        abstract: "Ejecución por grupo de gasto: asignado, vigente, comprometido, devengado, pagado y % de ejecución.",
        discussion: """
            Usa el corte más reciente de cada línea presupuestaria. Con --month o --cuatrimestre añade el devengado
            del período y el acumulado hasta su fin (requiere devengado mensual en el archivo importado).

            Ejemplos:
              transparencia report grupos --year 2022
              transparencia report grupos --year 2022 --cuatrimestre 1 --format csv --output grupos-c1.csv
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ExecutionReportOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let lines = try scope.lines(ledger: ledger, profile: try ledgerOptions.loadProfile())
        let catalog = RenglonCatalog.bundled
        let grouping = try ExecutionGrouping(lines, key: { $0.key.renglon.grupo })
        let rows = grouping.groups.map { group in
            ExecutionReportTable.Row(
                cells: [.text(group.key.rawValue), .text(catalog.name(of: group.key) ?? "")], amounts: group.amounts)
        }
        let table = try ExecutionReportTable.table(
            name: "ejecucion_grupos",
            title: "Ejecución por grupo de gasto — \(scope.describe(cutoffs: try ledger.executionCutoffs(ejercicio: scope.year)))",
            keyColumns: [DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("nombre", .string, "Nombre del grupo")],
            rows: rows, period: scope.period)
        try output.emit(table)
    }
}
