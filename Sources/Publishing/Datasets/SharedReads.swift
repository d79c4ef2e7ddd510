/// The reads that tables written one after another on one thread share: the reconciliations built together
/// (``ReconciliationBatch``), the suppliers added up beside the awards (``SupplierDirectoryBatch``) and the execution
/// totals added up beside the execution listing (``ExecutionTotalsBatch``).
struct SharedReads {
    var reconciliations: ReconciliationBatch
    var suppliers: SupplierDirectoryBatch
    var executionTotals: ExecutionTotalsBatch

    /// - Parameter requested: the datasets this thread writes, in order.
    init(requested: [Dataset]) {
        reconciliations = ReconciliationBatch(requested: requested)
        suppliers = SupplierDirectoryBatch(requested: requested)
        executionTotals = ExecutionTotalsBatch(requested: requested)
    }

    /// Writes `dataset` into `sink` through the read it shares and returns true; false when it shares none with
    /// the tables around it (it is then written as usual).
    mutating func write(_ dataset: Dataset, datasets: Datasets, scope: DatasetScope, to sink: any TableSink)
        throws -> Bool
    {
        try suppliers.write(dataset, datasets: datasets, scope: scope, to: sink)
            || executionTotals.write(dataset, datasets: datasets, scope: scope, to: sink)
    }
}
