import CCurl
import Foundation

/// What one attempt means for the retry loop.
enum AttemptOutcome: Sendable {
    /// The body is complete in the `.part` file.
    case complete(ResponseHeaders, resumed: Bool)
    /// 304: the cached copy is current.
    case notModified(ResponseHeaders)
    /// A transient failure: wait and try again.
    case retryable(problem: String, retryAfter: Double?)
    /// The partial download cannot be continued: discard it and try again at once.
    case restart(problem: String)
    /// Retrying cannot help.
    case fatal(FetchError)
    /// The task was cancelled.
    case cancelled

    /// Classifies libcurl's result and the response status.
    static func classify(
        _ result: CurlTransfer.Result, context: TransferContext, url: String,
        sentConditional: Bool, maxBytes: Int64, maxRedirects: Int
    ) -> AttemptOutcome {
        let code = result.code
        let detail = result.message.isEmpty ? "" : " (curl: \(result.message))"
        if code == CURLE_OK {
            let headers = context.headers
            switch headers.status {
            case 200, 206:
                return .complete(headers, resumed: headers.status == 206)
            case 304 where sentConditional:
                return .notModified(headers)
            case 204:
                return .fatal(.noContent(url: url))
            case 416:
                return .restart(problem: "el servidor rechazó el rango pedido (416)")
            case 408, 429, 500...599:
                return .retryable(
                    problem: "el servidor respondió \(headers.status) (\(FetchError.statusName(headers.status)))",
                    retryAfter: headers.retryAfterSeconds())
            case 300...399:
                return .fatal(.transfer(url: url, message: "redirección \(headers.status) sin destino utilizable"))
            default:
                return .fatal(.httpStatus(url: url, status: headers.status))
            }
        }
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_WRITE_ERROR:
            switch context.abort {
            case .tooLarge: return .fatal(.tooLarge(url: url, limit: maxBytes))
            case .rangeMismatch: return .restart(problem: "el servidor devolvió un rango distinto del pedido")
            case .fileSystem(let message): return .fatal(.fileSystem(path: context.slot.part.path, message: message))
            case nil: return .fatal(.transfer(url: url, message: "error de escritura\(detail)"))
            }
        case CURLE_FILESIZE_EXCEEDED:
            return .fatal(.tooLarge(url: url, limit: maxBytes))
        case CURLE_TOO_MANY_REDIRECTS:
            return .fatal(.tooManyRedirects(url: url, limit: maxRedirects))
        case CURLE_OPERATION_TIMEDOUT:
            return .retryable(
                problem: "se agotó el tiempo de espera (conexión o transferencia demasiado lenta)\(detail)",
                retryAfter: nil)
        case CURLE_COULDNT_CONNECT:
            return .retryable(problem: "no se pudo conectar con el servidor\(detail)", retryAfter: nil)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .retryable(problem: "no se pudo resolver el nombre del servidor\(detail)", retryAfter: nil)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .retryable(problem: "la conexión se cortó a mitad de la descarga\(detail)", retryAfter: nil)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CIPHER:
            return .fatal(.tls(url: url, message: result.message))
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .fatal(.invalidURL(url))
        default:
            return .fatal(
                .transfer(
                    url: url, message: result.message.isEmpty ? "código de libcurl \(code.rawValue)" : result.message))
        }
    }
}
