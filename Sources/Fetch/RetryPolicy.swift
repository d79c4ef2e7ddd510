import Foundation

/// How many times to try a transfer and how long to wait between tries.
///
/// Delays grow exponentially (`baseDelay · 2^(n-1)`, capped at `maxDelay`) with "equal jitter"
/// (half fixed, half random) so that several clients retrying together spread out.
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts, the first one included (1 means no retry).
    public var maxAttempts: Int
    /// The wait before the first retry, in seconds.
    public var baseDelay: Double
    /// The longest computed wait between attempts, in seconds.
    public var maxDelay: Double
    /// The longest `Retry-After` honoured, in seconds (a server asking for more gets this).
    public var maxRetryAfter: Double

    /// A policy; negative values are clamped to zero and attempts to at least one.
    public init(maxAttempts: Int = 5, baseDelay: Double = 1, maxDelay: Double = 60, maxRetryAfter: Double = 300) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// The wait before retry number `retry` (1 = first retry); a server's `Retry-After` wins when given.
    ///
    /// - parameter unitRandom: a value in `0...1` (injected so tests are deterministic).
    public func delay(beforeRetry retry: Int, retryAfter: Double?, unitRandom: Double) -> Double {
        if let retryAfter { return min(max(0, retryAfter), maxRetryAfter) }
        let exponent = Double(max(0, retry - 1))
        let ceiling = min(maxDelay, baseDelay * pow(2, exponent))
        return ceiling / 2 + ceiling / 2 * min(1, max(0, unitRandom))
    }
}
