import Domain
import Foundation
import Ledger

/// Procurement in scope as its tables: processes (`compras`), awards (`adjudicaciones`), awarded companies
/// (`proveedores`) and the totals by modality and by status. Processes stream from the ledger, so the listings
/// never hold a year of them.
struct ProcurementDatasets {
    let ledger: Ledger
    let scope: DatasetScope

    func write(_ dataset: Dataset, to sink: any TableSink) throws {
        let catalog = ModalityCatalog.bundled
        var modalityCode: String?
        if let modality = scope.modality {
            guard let found = catalog.modality(code: modality) ?? catalog.modality(matching: modality) else {
                throw PublishingError.unknownModality(modality)
            }
            modalityCode = found.code
        }
        let profile = scope.profile
        let year = scope.year ?? profile.ejercicio
        let selection = scope.procurementSelection(year: year, modalityCode: modalityCode)
        let emptyReason =
            "sin datos: no hay compras\(filterDescription(year)); impórtelas con "
            + "`transparencia import ocds ARCHIVO` o `transparencia import compras ARCHIVO`"
        var processes = 0
        switch dataset {
        case .compras, .adjudicaciones:
            let isProcesses = dataset == .compras
            try sink.begin(
                TableHeading(
                    name: dataset.rawValue, title: "Compras registradas\(filterDescription(year))",
                    columns: isProcesses ? ProcurementColumns.compras : ProcurementColumns.adjudicaciones))
            if isProcesses {
                // Read straight from SQL: no process is materialized with its children for one row.
                try ledger.forEachProcurementListingRow(selection) { row in
                    processes += 1
                    try sink.write(ProcurementRows.compras(row))
                }
            } else {
                // Processes with their awards only, read by one query.
                try ledger.forEachProcurementWithAwards(selection) { procurement in
                    processes += 1
                    for row in ProcurementRows.adjudicaciones(procurement) { try sink.write(row) }
                }
            }
            try sink.finish(
                TableFooting(
                    emptyReason: processes == 0 ? emptyReason : nil,
                    title: "Compras registradas\(filterDescription(year)): \(processes) procesos"))
        case .proveedores:
            var directory = SupplierDirectory()
            try ledger.forEachProcurementWithAwards(selection) { procurement in
                processes += 1
                try directory.add(procurement)
            }
            let (entidad, _) = scope.sicoinFilter
            let provenance = [
                Provenance.integer(year), Provenance.integer(scope.month), Provenance.text(entidad),
            ]
            try sink.begin(
                TableHeading(
                    name: dataset.rawValue, title: "Proveedores adjudicados\(filterDescription(year))",
                    columns: ProcurementColumns.proveedores))
            try directory.forEachRow(provenance: provenance) { try sink.write($0) }
            try sink.finish(
                TableFooting(emptyReason: processes == 0 ? emptyReason : nil, notes: directory.notes))
        default:
            // One GROUP BY in the ledger: only the groups are read, never a process.
            let modalityLabel = { (code: String) in catalog.modality(code: code)?.shortName ?? code }
            let byModality = dataset == .comprasPorModalidad
            let totals = try ledger.procurementTotals(
                selection, by: byModality ? .modality : .status, label: byModality ? modalityLabel : { $0 })
            var table =
                byModality
                ? ProcurementTables.totals(
                    totals, name: dataset.rawValue, title: "Totales por modalidad", keyColumn: "modalidad")
                : ProcurementTables.totals(
                    totals, name: dataset.rawValue, title: "Totales por estado", keyColumn: "estado")
            if totals.total.processes == 0 { table.emptyReason = emptyReason }
            try table.replay(into: sink)
        }
    }

    private func filterDescription(_ year: Int?) -> String {
        var filters: [String] = []
        if let year {
            if let months = scope.period(year: year)?.months {
                filters.append(
                    months.count == 1
                        ? "\(SpanishMonth.name(months.lowerBound) ?? "") de \(year)"
                        : "\(SpanishMonth.name(months.lowerBound) ?? "")–\(SpanishMonth.name(months.upperBound) ?? "") de \(year)"
                )
            } else {
                filters.append("año \(year)")
            }
        }
        if let unit = scope.buyingUnit {
            filters.append("unidad \(unit)")
        } else if !scope.profile.guatecomprasEntidad.isEmpty || !scope.profile.guatecomprasNombres.isEmpty {
            filters.append(scope.profile.displayName)
        }
        if let modality = scope.modality { filters.append("modalidad «\(modality)»") }
        return filters.isEmpty ? "" : " (" + filters.joined(separator: ", ") + ")"
    }
}
