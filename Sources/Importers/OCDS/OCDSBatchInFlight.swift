import Dispatch
import Foundation
import Synchronization

/// A batch of jobs being read on every core while the file's next batch is cut: each chunk's result, and the
/// signal to wait for before handing them over.
final class OCDSBatchInFlight: Sendable {
    /// What one chunk of jobs produced.
    struct ChunkResult: Sendable {
        var events: [OCDSImportEvent]
        var summary: OCDSReadSummary
        var failure: (any Error)?
    }

    let chunks: Int
    private let done = DispatchSemaphore(value: 0)
    private let stored: Mutex<[ChunkResult?]>

    init(chunks: Int) {
        self.chunks = chunks
        stored = Mutex(Array(repeating: nil, count: chunks))
    }

    /// Runs `work` on a thread of its own. Not on a dispatch queue: the writing thread already holds one of the
    /// pool's threads, and a `concurrentPerform` started from another one was left a single thread to read on.
    func start(_ work: @escaping @Sendable () -> Void) {
        let done = done
        let thread = Thread {
            work()
            done.signal()
        }
        // Deeply nested elements are read recursively, as on the reading thread.
        thread.stackSize = 8 << 20
        thread.start()
    }

    func store(_ result: ChunkResult, chunk: Int) {
        stored.withLock { $0[chunk] = result }
    }

    /// Every chunk's result in order, once all are done (call once).
    func results() -> [ChunkResult?] {
        done.wait()
        return stored.withLock { $0 }
    }
}
