import Foundation

/// A flag set from Swift task cancellation and read by libcurl's progress callback on the transfer thread.
final class CancellationFlag: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var value = false

    var isCancelled: Bool { lock.withLock { value } }

    func cancel() { lock.withLock { value = true } }
}
