import Domain
import Foundation

/// Each slice's result, written once by the thread that planned it.
final class SliceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<[LinkDecision], any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ result: Result<[LinkDecision], any Error>, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
    }

    func all() -> [Result<[LinkDecision], any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
