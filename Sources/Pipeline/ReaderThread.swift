import Foundation

/// Runs an importer's reading on a thread of its own, so decoding and writing use both cores; its events reach
/// the writing thread through a ``BoundedHandoff``.
final class ReaderThread<Result: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written by the reading thread before `done` is signalled and read only after.
    private var result: Swift.Result<Result, any Error>?
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    /// Starts `body` on a new thread with a stack large enough for deeply nested JSON.
    init(_ body: @escaping @Sendable () throws -> Result) {
        let thread = Thread { [self] in
            do {
                result = .success(try body())
            } catch {
                result = .failure(error)
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the thread to end and returns what it returned, or throws what it threw.
    func join() throws -> Result {
        if !waited {
            done.wait()
            waited = true
        }
        guard let result else { throw PipelineError.internalFailure("la lectura terminó sin resultado") }
        return try result.get()
    }
}
