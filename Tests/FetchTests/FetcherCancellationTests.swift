import Fetch
import Foundation
import TestSupport
import Testing

/// Cancellation reaches the transfer thread through libcurl's progress callback.
struct FetcherCancellationTests {
    @Test("cancelling the task stops a slow transfer promptly")
    func cancellation() async throws {
        let server = try TestHTTPServer()
        let directory = try TemporaryDirectory()
        let fetcher = Fetcher(settings: testSettings(directory, lowSpeedTime: 30))
        let url = server.url("/slow/100000")
        let task = Task { try await fetcher.fetch(FetchRequest(url: url)) }
        try await Task.sleep(nanoseconds: 300_000_000)
        let start = Date()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        // The body would take hours and the low-speed limit is 30 s: stopping well before that can only be the
        // cancellation. The bound is loose because a busy 2-core CI machine delays libcurl's progress callback.
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
