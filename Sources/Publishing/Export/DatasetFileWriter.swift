import Foundation

/// Writes one dataset of an export into its files in the staging folder: the rows are built on the calling thread
/// (reading the ledger) and written on another (``ThreadedTableSink``), through the privacy guard and, with
/// `--since`, the changelog. The same for an export in sequence and for each lane of one in two
/// (``ExportLanes``).
struct DatasetFileWriter: Sendable {
    /// The staging folder the files are written into.
    let folder: URL
    let format: FormatProfile
    let jsonLines: Bool
    let scope: DatasetScope

    /// Writes `dataset` with the tables of `datasets` (whose ledger connection this thread may use).
    /// - Parameter shared: the reads the tables still to come on this thread share.
    /// - Returns: what was written, or nil when the table wrote nothing.
    /// - Throws: what building the table or writing its files threw; the writing thread has stopped by then.
    func write(
        _ dataset: Dataset, datasets: Datasets, shared: inout SharedReads, privacy: PrivacyGuard,
        changes: TableChangeTracker?
    ) throws -> TableFileSink.Written? {
        let sink = TableFileSink(
            folder: folder, profile: format, jsonLines: jsonLines, privacy: privacy, changes: changes)
        let threaded = ThreadedTableSink(sink)
        do {
            if let table = try shared.reconciliations.table(dataset, datasets: datasets, scope: scope) {
                try table.replay(into: threaded)
            } else if try !shared.write(dataset, datasets: datasets, scope: scope, to: threaded) {
                try datasets.write(dataset, scope: scope, to: threaded)
            }
        } catch {
            // The file writer's own error, if it had one, came first.
            try threaded.abandon()
            throw error
        }
        return sink.written
    }
}
