import Foundation

/// The batches a ``CSVPrefetcher``'s thread has read and its consumer has not yet taken, with how the stream
/// ended. Shared by the two threads, guarded by its condition.
final class CSVPrefetchQueue: @unchecked Sendable {
    // @unchecked: every stored property is read and written with `condition` locked.
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[CSVRecord]] = []
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?

    /// A queue holding at most `capacity` batches.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds a batch, waiting while the queue is full; false once the consumer stopped (the thread then ends).
    func put(_ batch: [CSVRecord]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Marks the end of the file, or the reader's error.
    func finish(error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for the thread; nil at the end. Rethrows the reader's error once the batches read
    /// before it were taken.
    func take() throws -> [CSVRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer needs no more records: the thread ends at its next batch.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

}
