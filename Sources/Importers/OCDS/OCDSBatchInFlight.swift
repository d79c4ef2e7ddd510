import Dispatch
import Synchronization

/// A batch of jobs being read on every core while the file's next batch is cut: each chunk's result, and the
/// group to wait on before handing them over.
final class OCDSBatchInFlight: Sendable {
    /// What one chunk of jobs produced.
    struct ChunkResult: Sendable {
        var events: [OCDSImportEvent]
        var summary: OCDSReadSummary
        var failure: (any Error)?
    }

    let chunks: Int
    let group = DispatchGroup()
    private let stored: Mutex<[ChunkResult?]>

    init(chunks: Int) {
        self.chunks = chunks
        stored = Mutex(Array(repeating: nil, count: chunks))
    }

    func store(_ result: ChunkResult, chunk: Int) {
        stored.withLock { $0[chunk] = result }
    }

    /// Every chunk's result in order, once all are done.
    func results() -> [ChunkResult?] {
        group.wait()
        return stored.withLock { $0 }
    }
}
