import Foundation

/// Reads a CSV file's records on a thread of its own, batches ahead of whoever maps them: tokenizing and
/// decoding a national execution file was a fifth of its import, and on a core of its own it overlaps the
/// mapping instead of adding to it.
///
/// Records come out in file order, and the reader's error after the records read before it. Once the
/// prefetcher is released (or ``stop()`` is called) the thread ends at its next batch; the reader must not be
/// used by anyone else after the first ``next()``.
public final class CSVPrefetcher {
    private let queue: BoundedHandoff<[CSVByteRecord]>
    private var reader: CSVReader?
    private let batchSize: Int
    private var batch: [CSVByteRecord] = []
    private var index = 0

    /// - Parameters:
    ///   - reader: the reader, handed over: only the prefetcher's thread reads it from the first ``next()`` on.
    ///   - batchSize: records handed over at a time.
    ///   - capacity: batches read ahead at most (memory stays bounded whatever the file's size).
    public init(_ reader: CSVReader, batchSize: Int = 256, capacity: Int = 4) {
        self.reader = reader
        self.batchSize = batchSize
        self.queue = BoundedHandoff(capacity: capacity)
    }

    deinit { queue.cancel() }

    /// The next record, or nil at the end of the file.
    /// - Throws: what the reader threw (an unreadable byte, a field too long…), after the records before it.
    public func next() throws -> CSVRecord? {
        try nextBytes()?.record
    }

    /// The next record as bytes (see ``CSVByteRecord``), or nil at the end of the file.
    /// - Throws: as ``next()``.
    public func nextBytes() throws -> CSVByteRecord? {
        if index < batch.count {
            index += 1
            return batch[index - 1]
        }
        if let reader {
            self.reader = nil
            start(reader)
        }
        guard let next = try queue.take() else {
            batch = []
            index = 0
            return nil
        }
        batch = next
        index = 1
        return batch.first
    }

    /// No more records are needed: the thread ends at its next batch.
    public func stop() { queue.cancel() }

    private func start(_ reader: CSVReader) {
        let handle = CSVReaderHandle(reader)
        let (queue, batchSize) = (self.queue, self.batchSize)
        let thread = Thread {
            var records: [CSVByteRecord] = []
            records.reserveCapacity(batchSize)
            // A put that throws means the consumer stopped: the thread just ends.
            do {
                while let record = try handle.reader.nextBytes() {
                    records.append(record)
                    if records.count == batchSize {
                        try queue.put(records)
                        records.removeAll(keepingCapacity: true)
                    }
                }
                if !records.isEmpty { try queue.put(records) }
                queue.finish(error: nil)
            } catch is BoundedHandoff<[CSVByteRecord]>.Cancelled {
                return
            } catch {
                if !records.isEmpty { try? queue.put(records) }
                queue.finish(error: error)
            }
        }
        thread.name = "csv-prefetch"
        thread.start()
    }
}
