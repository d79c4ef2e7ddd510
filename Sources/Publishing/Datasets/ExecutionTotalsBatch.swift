import Foundation
import Ledger

/// `ejecucion` steps the whole year's current lines; the grouped execution tables and two checks add the same lines
/// up by renglón and by activity (0.9 and 1.3 s on a national year). When an export writes any of them after
/// `ejecucion` on one thread, the listing adds the lines up as it prints them and keeps the totals on its ledger
/// connection (``Ledger/forEachCurrentBudgetLineRow(ejercicio:entidad:unidadEjecutora:keepingTotals:_:)``): those
/// tables then find them without reading the year again. Otherwise `ejecucion` is written as usual.
struct ExecutionTotalsBatch {
    /// The totals the tables after `ejecucion` ask for.
    private let groupings: Set<ExecutionTotals.Grouping>

    /// - Parameter requested: the datasets this thread writes, in order.
    init(requested: [Dataset]) {
        guard let listing = requested.firstIndex(of: .ejecucion) else {
            groupings = []
            return
        }
        var groupings = Set<ExecutionTotals.Grouping>()
        for dataset in requested[(listing + 1)...] {
            switch dataset {
            case .ejecucionPorGrupo, .ejecucionPorRenglon: groupings.insert(.renglon)
            // The checks of vigente against products and of execution without goals read it by activity.
            case .ejecucionPorActividad, .verificaciones: groupings.insert(.actividad)
            default: break
            }
        }
        self.groupings = groupings
    }

    /// Writes `ejecucion` keeping its totals into `sink` and returns true; returns false for any other dataset, or
    /// when no table after it asks for them. A publication that keeps whole tables (``Datasets/tableCache``) builds
    /// them its own way.
    func write(_ dataset: Dataset, datasets: Datasets, scope: DatasetScope, to sink: any TableSink) throws -> Bool {
        guard dataset == .ejecucion, !groupings.isEmpty, datasets.tableCache == nil else { return false }
        try ExecutionTables(ledger: datasets.ledger, scope: scope).write(dataset, to: sink, keepingTotals: groupings)
        return true
    }
}
