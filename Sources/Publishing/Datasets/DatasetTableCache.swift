import Synchronization

/// Tables one publication asks for more than once, kept while it runs: the portal's open export, its Excel
/// export and its pages each build the reconciliation, the links, the products and the checks' table, and on a
/// national ledger each build reads the ledger again. Only tables that are built whole anyway are kept; the
/// listings that stream (`compras`, `ejecucion`…) never are.
final class DatasetTableCache: Sendable {
    private struct Key: Hashable {
        var dataset: Dataset
        var scope: DatasetScope
    }

    private let tables = Mutex<[Key: DataTable]>([:])

    /// The table kept for the dataset and scope, or the one `build` makes (then kept).
    func table(_ dataset: Dataset, scope: DatasetScope, build: () throws -> DataTable) throws -> DataTable {
        let key = Key(dataset: dataset, scope: scope)
        if let table = tables.withLock({ $0[key] }) { return table }
        let table = try build()
        tables.withLock { $0[key] = table }
        return table
    }
}
