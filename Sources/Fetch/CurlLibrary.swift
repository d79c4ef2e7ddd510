import CCurl

/// The libcurl version this binary links against (`curl_version_info`), for `--version` and diagnostics.
public enum CurlLibrary {
    /// The version string libcurl reports, such as `8.5.0`.
    public static var version: String {
        guard let info = transparencia_curl_version_info(), let text = info.pointee.version else { return "?" }
        return String(cString: text)
    }

    /// True when the linked libcurl speaks HTTPS (it was built with a TLS backend).
    public static var supportsHTTPS: Bool {
        guard let info = transparencia_curl_version_info(), let protocols = info.pointee.protocols else { return false }
        var index = 0
        while let name = protocols[index] {
            if String(cString: name) == "https" { return true }
            index += 1
        }
        return false
    }

    /// True once `curl_global_init` has succeeded (it runs at most once per process).
    public static var isInitialized: Bool { CurlGlobal.ensureInitialized() }
}
