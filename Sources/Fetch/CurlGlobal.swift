import CCurl

/// `curl_global_init` exactly once per process, before the first easy handle.
///
/// libcurl's global init is not thread-safe, so it runs inside a `static let` initializer, which
/// Swift guarantees to run once even when several transfers start at the same time.
enum CurlGlobal {
    private static let initCode: CURLcode = transparencia_curl_global_init_default()

    /// Initializes libcurl if needed; true when it is usable.
    @discardableResult
    static func ensureInitialized() -> Bool {
        initCode == CURLE_OK
    }
}
