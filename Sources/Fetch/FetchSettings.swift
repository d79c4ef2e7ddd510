import Foundation

/// How the fetcher behaves: cache, retries, timeouts, limits, TLS and progress.
public struct FetchSettings: Sendable {
    /// Where downloads and their metadata live.
    public var cache: FetchCache
    /// Attempts and waits between them.
    public var retry: RetryPolicy
    /// Seconds allowed to establish a connection.
    public var connectTimeout: Double
    /// A transfer slower than this many bytes per second for `lowSpeedTime` seconds is abandoned (and retried).
    public var lowSpeedLimit: Int
    /// Seconds below `lowSpeedLimit` before giving up on a transfer.
    public var lowSpeedTime: Int
    /// The largest file accepted, in bytes.
    public var maxBytes: Int64
    /// The most redirects followed before failing.
    public var maxRedirects: Int
    /// A PEM file of trusted certificate authorities instead of the system's (verification stays on).
    public var caBundle: String?
    /// The `User-Agent` sent to servers.
    public var userAgent: String
    /// Where to show progress (nil for none).
    public var progress: ProgressBoard?
    /// Called for retries, resumes and cache hits (the CLI prints them on stderr).
    public var events: (@Sendable (FetchEvent) -> Void)?

    /// Settings with production defaults (30 s to connect, 2 GB maximum, 10 redirects, 5 attempts).
    public init(
        cache: FetchCache = FetchCache(root: FetchCache.defaultRoot),
        retry: RetryPolicy = RetryPolicy(),
        connectTimeout: Double = 30,
        lowSpeedLimit: Int = 1_000,
        lowSpeedTime: Int = 60,
        maxBytes: Int64 = 2_000_000_000,
        maxRedirects: Int = 10,
        caBundle: String? = nil,
        userAgent: String = "transparencia (libcurl)",
        progress: ProgressBoard? = nil,
        events: (@Sendable (FetchEvent) -> Void)? = nil
    ) {
        self.cache = cache
        self.retry = retry
        self.connectTimeout = connectTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.caBundle = caBundle
        self.userAgent = userAgent
        self.progress = progress
        self.events = events
    }
}
