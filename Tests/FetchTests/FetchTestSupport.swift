import Fetch
import Foundation
import TestSupport

/// Settings for tests: a private cache, tiny backoff and timeouts, so the suite runs in seconds.
func testSettings(
    _ directory: TemporaryDirectory, attempts: Int = 3, maxBytes: Int64 = 10_000_000,
    lowSpeedTime: Int = 2, events: EventLog? = nil, progress: ProgressBoard? = nil
) -> FetchSettings {
    var onEvent: (@Sendable (FetchEvent) -> Void)?
    if let events { onEvent = { event in events.append(event) } }
    return FetchSettings(
        cache: FetchCache(root: directory.file("cache")),
        retry: RetryPolicy(maxAttempts: attempts, baseDelay: 0.01, maxDelay: 0.05, maxRetryAfter: 5),
        connectTimeout: 2,
        lowSpeedLimit: 1_000,
        lowSpeedTime: lowSpeedTime,
        maxBytes: maxBytes,
        maxRedirects: 5,
        progress: progress,
        events: onEvent)
}

/// Collects events from transfer threads.
final class EventLog: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var stored: [FetchEvent] = []

    func append(_ event: FetchEvent) { lock.withLock { stored.append(event) } }
    var events: [FetchEvent] { lock.withLock { stored } }
}

/// Collects progress output.
final class TextLog: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var stored = ""

    func append(_ text: String) { lock.withLock { stored += text } }
    var text: String { lock.withLock { stored } }
}

/// The names in a folder, sorted (hidden temporaries included).
func fileNames(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}
