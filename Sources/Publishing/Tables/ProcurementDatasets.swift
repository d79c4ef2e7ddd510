import Domain
import Foundation
import Ledger

/// Procurement in scope as its three tables: the award list and the totals by modality and by status.
struct ProcurementDatasets {
    let ledger: Ledger
    let scope: DatasetScope

    func table(_ dataset: Dataset) throws -> DataTable {
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
        let procurements = try ledger.procurements(
            year: year, unit: scope.buyingUnit,
            guatecomprasEntity: scope.buyingUnit == nil && !profile.guatecomprasEntidad.isEmpty
                ? profile.guatecomprasEntidad : nil,
            guatecomprasUnits: profile.guatecomprasUnidades, modalityCode: modalityCode)
        let modalityLabel = { (code: String) in catalog.modality(code: code)?.shortName ?? code }
        var table: DataTable
        switch dataset {
        case .comprasPorModalidad:
            table = ProcurementTables.totals(
                try ProcurementTotals(procurements, key: \.modalityCode, label: modalityLabel),
                name: dataset.rawValue, title: "Totales por modalidad", keyColumn: "modalidad")
        case .comprasPorEstado:
            table = ProcurementTables.totals(
                try ProcurementTotals(procurements, key: \.status, label: { $0 }), name: dataset.rawValue,
                title: "Totales por estado", keyColumn: "estado")
        default:
            table = ProcurementTables.awards(
                procurements, title: "Compras registradas\(filterDescription(year)): \(procurements.count) procesos",
                modalityLabel: modalityLabel)
        }
        if procurements.isEmpty {
            table.emptyReason = "sin datos: no hay compras\(filterDescription(year)); impórtelas con "
                + "`transparencia import ocds ARCHIVO` o `transparencia import compras ARCHIVO`"
        }
        return table
    }

    private func filterDescription(_ year: Int?) -> String {
        var filters: [String] = []
        if let year { filters.append("año \(year)") }
        if let unit = scope.buyingUnit {
            filters.append("unidad \(unit)")
        } else if !scope.profile.guatecomprasEntidad.isEmpty {
            filters.append(scope.profile.displayName)
        }
        if let modality = scope.modality { filters.append("modalidad «\(modality)»") }
        return filters.isEmpty ? "" : " (" + filters.joined(separator: ", ") + ")"
    }
}
