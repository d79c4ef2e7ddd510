import Foundation

/// The reconciliation datasets an export asks for, built together the first time one of them is written: one read
/// of the execution and one of the purchases serve all four groupings (``ReconciliationTables/tables(_:)``), where
/// each table alone read both again (over a second each on a national year). Each table is handed over once and
/// then dropped.
struct ReconciliationBatch {
    private var pending: [Dataset]
    private var built: [Dataset: DataTable] = [:]

    static let datasets: Set<Dataset> = [
        .conciliacionPorProducto, .conciliacionPorGrupo, .conciliacionPorRenglon, .conciliacionPorMes,
    ]

    /// - Parameter requested: the datasets of the export, in order.
    init(requested: [Dataset]) {
        var seen = Set<Dataset>()
        pending = requested.filter { Self.datasets.contains($0) && seen.insert($0).inserted }
    }

    /// The dataset's table when it belongs to a batch of two or more reconciliations (built now with the others
    /// still to come, or kept since); nil for any other dataset, which is written as usual. A publication that
    /// keeps whole tables (``Datasets/tableCache``) builds them its own way.
    mutating func table(_ dataset: Dataset, datasets: Datasets, scope: DatasetScope) throws -> DataTable? {
        guard datasets.tableCache == nil, Self.datasets.contains(dataset) else { return nil }
        if let table = built.removeValue(forKey: dataset) { return table }
        guard pending.count > 1, let position = pending.firstIndex(of: dataset) else { return nil }
        let batch = Array(pending[position...])
        pending.removeSubrange(position...)
        let tables = try ReconciliationTables(ledger: datasets.ledger, scope: scope).tables(batch)
        for (other, table) in zip(batch, tables).dropFirst() { built[other] = table }
        return tables[0]
    }
}
