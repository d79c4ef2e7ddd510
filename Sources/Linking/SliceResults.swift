import Domain
import Foundation

/// Each slice's result, written once by the thread that planned it and taken, in slice order, by the thread that
/// waits for them.
final class SliceResults: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Result<[LinkDecision], any Error>?]
    private var stopped = false

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ result: Result<[LinkDecision], any Error>, at index: Int) {
        condition.lock()
        defer { condition.unlock() }
        results[index] = result
        condition.broadcast()
    }

    /// The slice's result once it is stored (taken out: each is waited for once).
    func take(_ index: Int) -> Result<[LinkDecision], any Error> {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        defer { results[index] = .success([]) }
        return results[index] ?? .success([])
    }

    /// Tells the planning threads that nobody will take what is left (the consumer failed).
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
    }

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }
}
