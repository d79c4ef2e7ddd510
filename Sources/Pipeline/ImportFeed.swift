import Formats
import Foundation
import Importers

/// A file read on a thread of its own into a bounded hand-off. It starts before the ledger is asked anything, so
/// the file's digest is taken while the first records are read; the reading then waits (the hand-off full) until
/// the writer drains it, or is abandoned (the file was already imported, or the import failed first).
///
/// Each record is staged for its store on the reading thread (``RecordStore/stage(_:)``) before it is handed over.
final class ImportFeed<Staged: Sendable>: @unchecked Sendable {
    // @unchecked: `events` and `reader` are themselves thread-safe; `finished` is only touched by the owner.
    let events: BoundedHandoff<[ImportEvent<Staged>]>
    private let reader: ReaderThread<ImportReading>
    private var finished = false

    /// Starts reading `file` with `importer`, each record made ready for the writer by `stage`.
    init<I: Importer>(
        _ file: ImportFile, _ importer: I, stage: @escaping @Sendable (consuming I.Record) -> Staged,
        cancellation: ImportCancellation
    ) {
        // Sixteen batches keep both cores busy; once the reader outran the ledger (a national execution file),
        // 64 of them held 16,000 lines in memory for nothing (24 MB more peak).
        let events = BoundedHandoff<[ImportEvent<Staged>]>(capacity: 16)
        self.events = events
        // Weakly: the cancellation lives as long as the process and keeps its handlers.
        cancellation.onCancel { [weak events] in events?.cancel() }
        reader = ReaderThread<ImportReading> {
            var batch: [ImportEvent<Staged>] = []
            batch.reserveCapacity(Self.batchSize)
            do {
                let reading = try importer.read(file) { event in
                    // The event is the importer's to give away: appending it last moves it into the batch (a budget
                    // line's strings are not retained again).
                    let isProgress = event.isProgress
                    batch.append(Self.staged(event, with: stage))
                    // Batches keep the hand-off cheap; a progress event goes at once so the line keeps moving.
                    if batch.count >= Self.batchSize || isProgress {
                        try events.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try events.put(batch) }
                events.finish(error: nil)
                return reading
            } catch {
                events.finish(error: error)
                throw error
            }
        }
    }

    /// Waits for the reading to end and returns what it returned, or throws what it threw.
    func join() throws -> ImportReading {
        finished = true
        return try reader.join()
    }

    /// Stops the reading, if it was not joined, and waits for its thread.
    func abandon() {
        guard !finished else { return }
        events.cancel()
        _ = try? join()
    }

    /// The event with its record, if any, staged.
    private static func staged<Record>(
        _ event: consuming ImportEvent<Record>, with stage: (consuming Record) -> Staged
    ) -> ImportEvent<Staged> {
        switch consume event {
        case .record(let record, let position): .record(stage(record), at: position)
        case .rejected(let diagnostic): .rejected(diagnostic)
        case .diagnostic(let diagnostic): .diagnostic(diagnostic)
        case .repaired(let repair): .repaired(repair)
        case .progress(let bytes, let rows): .progress(bytes: bytes, rows: rows)
        }
    }

    /// Events handed over per batch.
    static var batchSize: Int { 256 }
}
