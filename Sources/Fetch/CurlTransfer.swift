import CCurl
import Foundation

/// One HTTP GET through a fresh libcurl easy handle, run synchronously on the calling thread.
///
/// One handle per transfer (handles are never shared between threads) and `CURLOPT_NOSIGNAL`,
/// as libcurl's thread-safety rules require.
enum CurlTransfer {
    /// What `curl_easy_perform` returned.
    struct Result: Sendable {
        var code: CURLcode
        var message: String
        var responseCode: Int
    }

    static func perform(url: String, extraHeaders: [String], settings: FetchSettings, context: TransferContext)
        -> Result
    {
        guard CurlGlobal.ensureInitialized(), let handle = curl_easy_init() else {
            return Result(code: CURLE_FAILED_INIT, message: "no se pudo iniciar libcurl", responseCode: 0)
        }
        defer { curl_easy_cleanup(handle) }

        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in extraHeaders { headerList = curl_slist_append(headerList, header) }
        defer { curl_slist_free_all(headerList) }

        // Retained for the duration of the call; the callbacks borrow it without retaining.
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        let contextPointer = unmanaged.toOpaque()

        var setupFailed = false
        func set(_ code: CURLcode) { if code != CURLE_OK { setupFailed = true } }

        set(transparencia_curl_setopt_string(handle, CURLOPT_URL, url))
        set(transparencia_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(transparencia_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(transparencia_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        set(transparencia_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        set(transparencia_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
        set(transparencia_curl_setopt_long(handle, CURLOPT_MAXREDIRS, settings.maxRedirects))
        set(transparencia_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000)))
        set(transparencia_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedLimit))
        set(transparencia_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, settings.lowSpeedTime))
        // TLS verification is never switched off; only the trusted CA bundle can be changed.
        set(transparencia_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        set(transparencia_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        if let caBundle = settings.caBundle {
            set(transparencia_curl_setopt_string(handle, CURLOPT_CAINFO, caBundle))
        }
        set(transparencia_curl_setopt_string(handle, CURLOPT_USERAGENT, settings.userAgent))
        if headerList != nil {
            set(transparencia_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)))
        }
        set(transparencia_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, headerCallback))
        set(transparencia_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, contextPointer))
        set(transparencia_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, bodyCallback))
        set(transparencia_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, contextPointer))
        set(transparencia_curl_setopt_xferinfo_function(handle, progressCallback))
        set(transparencia_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, contextPointer))
        set(transparencia_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
        if setupFailed {
            return Result(
                code: CURLE_FAILED_INIT, message: "libcurl rechazó la configuración de la transferencia",
                responseCode: 0)
        }

        let code = curl_easy_perform(handle)
        context.closeOutput()

        var responseCode = 0
        _ = transparencia_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        var message = String(cString: errorBuffer)
        if message.isEmpty, code != CURLE_OK, let text = curl_easy_strerror(code) { message = String(cString: text) }
        return Result(
            code: code, message: message.trimmingCharacters(in: .whitespacesAndNewlines), responseCode: responseCode)
    }
}

/// `CURLOPT_HEADERFUNCTION`: one header line per call (the status line, fields, then an empty line).
private func headerCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let user else { return 0 }
    let length = size * count
    let context = Unmanaged<TransferContext>.fromOpaque(user).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    // Header bytes are ASCII in practice; invalid UTF-8 becomes U+FFFD instead of failing.
    let line = String(decoding: bytes, as: UTF8.self)
    return context.receiveHeader(line) ? length : 0
}

/// `CURLOPT_WRITEFUNCTION`: a chunk of the body; returning less than given aborts with `CURLE_WRITE_ERROR`.
private func bodyCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?
) -> Int {
    guard let user else { return 0 }
    let length = size * count
    let context = Unmanaged<TransferContext>.fromOpaque(user).takeUnretainedValue()
    return context.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// `CURLOPT_XFERINFOFUNCTION`: progress; a non-zero return aborts (`CURLE_ABORTED_BY_CALLBACK`).
private func progressCallback(
    _ user: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t, _: curl_off_t,
    _: curl_off_t
) -> Int32 {
    guard let user else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(user).takeUnretainedValue()
    return context.receiveProgress(downloaded: Int64(downloaded), total: Int64(downloadTotal)) ? 0 : 1
}
