/// The reads that tables written one after another on one thread share: the reconciliations built together
/// (``ReconciliationBatch``) and the suppliers added up beside the awards (``SupplierDirectoryBatch``).
struct SharedReads {
    var reconciliations: ReconciliationBatch
    var suppliers: SupplierDirectoryBatch

    /// - Parameter requested: the datasets this thread writes, in order.
    init(requested: [Dataset]) {
        reconciliations = ReconciliationBatch(requested: requested)
        suppliers = SupplierDirectoryBatch(requested: requested)
    }
}
