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
        switch dataset {
        case .compras:
            let listing = try selected()
            var processes = 0
            let rows = try TableRows(heading(dataset, listing.year), into: sink)
            try rows.writing {
                // Read straight from SQL: no process is materialized with its children for one row.
                try ledger.forEachProcurementListingRow(listing.selection) { row in
                    processes += 1
                    try rows.write(ProcurementRows.Process(listing: row))
                }
            }
            try rows.finish(footing(listing, processes: processes))
        case .adjudicaciones:
            try writeAwards(to: sink) { _ in }
        case .proveedores:
            var directory = SupplierDirectory()
            var processes = 0
            try ledger.forEachProcurementWithAwards(try selected().selection) { procurement in
                processes += 1
                try directory.add(procurement)
            }
            try writeSuppliers(directory, processes: processes, to: sink)
        default:
            // One GROUP BY in the ledger: only the groups are read, never a process.
            let listing = try selected()
            let catalog = ModalityCatalog.bundled
            let modalityLabel = { (code: String) in catalog.modality(code: code)?.shortName ?? code }
            let byModality = dataset == .comprasPorModalidad
            let totals = try ledger.procurementTotals(
                listing.selection, by: byModality ? .modality : .status, label: byModality ? modalityLabel : { $0 })
            var table =
                byModality
                ? ProcurementTables.totals(
                    totals, name: dataset.rawValue, title: "Totales por modalidad", keyColumn: "modalidad")
                : ProcurementTables.totals(
                    totals, name: dataset.rawValue, title: "Totales por estado", keyColumn: "estado")
            if totals.total.processes == 0 { table.emptyReason = listing.emptyReason }
            try table.replay(into: sink)
        }
    }

    /// Writes `adjudicaciones`, handing each process (with its awards) to `alongside` as it goes by: what
    /// `proveedores` adds up, so an export asking for both reads the processes once (``SupplierDirectoryBatch``).
    /// - Returns: how many processes were read.
    @discardableResult
    func writeAwards(to sink: any TableSink, alongside: (Procurement) -> Void) throws -> Int {
        let listing = try selected()
        var processes = 0
        let rows = try TableRows(heading(.adjudicaciones, listing.year), into: sink)
        try rows.writing {
            // Processes with their awards only, read by one query.
            try ledger.forEachProcurementWithAwards(listing.selection) { procurement in
                processes += 1
                alongside(procurement)
                for award in ProcurementRows.awards(procurement) { try rows.write(award) }
            }
        }
        try rows.finish(footing(listing, processes: processes))
        return processes
    }

    /// Writes `proveedores` from the suppliers of `processes` processes.
    func writeSuppliers(_ directory: SupplierDirectory, processes: Int, to sink: any TableSink) throws {
        let listing = try selected()
        let (entidad, _) = scope.sicoinFilter
        let provenance = [
            Provenance.integer(listing.year), Provenance.integer(scope.month), Provenance.text(entidad),
        ]
        let rows = try TableRows(
            TableHeading(
                name: Dataset.proveedores.rawValue, title: "Proveedores adjudicados\(filterDescription(listing.year))",
                columns: ProcurementColumns.proveedores), into: sink)
        try rows.writing { try directory.forEachRow(provenance: provenance) { try rows.write($0) } }
        try rows.finish(TableFooting(emptyReason: processes == 0 ? listing.emptyReason : nil, notes: directory.notes))
    }

    /// The processes a table lists: the scope's year, its selection and what an empty table says.
    private struct Listing {
        var year: Int?
        var selection: ProcurementSelection
        var emptyReason: String
    }

    /// - Throws: ``PublishingError/unknownModality(_:)`` for a modality the catalog does not know.
    private func selected() throws -> Listing {
        let catalog = ModalityCatalog.bundled
        var modalityCode: String?
        if let modality = scope.modality {
            guard let found = catalog.modality(code: modality) ?? catalog.modality(matching: modality) else {
                throw PublishingError.unknownModality(modality)
            }
            modalityCode = found.code
        }
        let year = scope.year ?? scope.profile.ejercicio
        return Listing(
            year: year, selection: scope.procurementSelection(year: year, modalityCode: modalityCode),
            emptyReason: "sin datos: no hay compras\(filterDescription(year)); impórtelas con "
                + "`transparencia import ocds ARCHIVO` o `transparencia import compras ARCHIVO`")
    }

    private func heading(_ dataset: Dataset, _ year: Int?) -> TableHeading {
        TableHeading(
            name: dataset.rawValue, title: "Compras registradas\(filterDescription(year))",
            columns: dataset == .compras ? ProcurementColumns.compras : ProcurementColumns.adjudicaciones)
    }

    private func footing(_ listing: Listing, processes: Int) -> TableFooting {
        TableFooting(
            emptyReason: processes == 0 ? listing.emptyReason : nil,
            title: "Compras registradas\(filterDescription(listing.year)): \(processes) procesos")
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
