import CCurl

/// The libcurl version this binary links against (`curl_version_info`), for `--version` and diagnostics.
public enum CurlLibrary {
    /// The version string libcurl reports, such as `8.5.0`.
    public static var version: String {
        guard let info = transparencia_curl_version_info(), let text = info.pointee.version else { return "?" }
        return String(cString: text)
    }
}
