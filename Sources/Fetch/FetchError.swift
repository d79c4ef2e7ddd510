import Foundation

/// Everything that can go wrong while downloading, with a Spanish message for the officer.
public enum FetchError: Error, LocalizedError, Sendable, Equatable {
    /// The text is not an `http`/`https` URL.
    case invalidURL(String)
    /// The server answered a status that retrying cannot fix (a 4xx other than 408/429).
    case httpStatus(url: String, status: Int)
    /// Every attempt failed with a transient problem (connection, timeout, 429, 5xx).
    case gaveUp(url: String, attempts: Int, lastProblem: String)
    /// The redirect chain was longer than the limit (usually a loop).
    case tooManyRedirects(url: String, limit: Int)
    /// The body was larger than the configured maximum.
    case tooLarge(url: String, limit: Int64)
    /// The server answered 204: there is nothing published at that address.
    case noContent(url: String)
    /// TLS failed (certificate not trusted, bad CA bundle, handshake).
    case tls(url: String, message: String)
    /// Any other libcurl failure that retrying cannot fix.
    case transfer(url: String, message: String)
    /// The cache or output directory could not be written.
    case fileSystem(path: String, message: String)
    /// A year or month that has no bulk file by construction (future, out of range).
    case invalidPeriod(String)

    /// The Spanish message shown to the user.
    public var errorDescription: String? {
        switch self {
        case .invalidURL(let text):
            "«\(text)» no es una URL http o https válida"
        case .httpStatus(let url, let status):
            "el servidor respondió \(status) (\(Self.statusName(status))) para «\(url)»; no se reintenta"
        case .gaveUp(let url, let attempts, let lastProblem):
            "no se pudo descargar «\(url)» después de \(attempts) intento(s): \(lastProblem)"
        case .tooManyRedirects(let url, let limit):
            "demasiadas redirecciones (más de \(limit)) al descargar «\(url)»; probablemente un ciclo de redirecciones"
        case .tooLarge(let url, let limit):
            "«\(url)» supera el tamaño máximo permitido (\(ByteCount.text(limit))); use --max-size para ampliarlo"
        case .noContent(let url):
            "no hay archivo publicado en «\(url)» (el servidor respondió 204, sin contenido)"
        case .tls(let url, let message):
            "falló la verificación TLS con «\(url)»: \(message); indique un paquete de certificados con --ca-bundle"
        case .transfer(let url, let message):
            "falló la descarga de «\(url)»: \(message)"
        case .fileSystem(let path, let message):
            "no se pudo escribir «\(path)»: \(message)"
        case .invalidPeriod(let message):
            "periodo no válido: \(message)"
        }
    }

    /// A short Spanish name for the statuses an officer is likely to see.
    static func statusName(_ status: Int) -> String {
        switch status {
        case 400: "solicitud incorrecta"
        case 401: "requiere autenticación"
        case 403: "acceso prohibido"
        case 404: "no encontrado"
        case 410: "ya no existe"
        case 416: "rango no satisfacible"
        case 429: "demasiadas solicitudes"
        case 500: "error interno del servidor"
        case 502: "puerta de enlace incorrecta"
        case 503: "servicio no disponible"
        case 504: "tiempo de espera de la puerta de enlace agotado"
        default: status >= 500 ? "error del servidor" : "error del cliente"
        }
    }
}
