import Foundation

/// Things worth telling the user while fetching (printed on stderr by the CLI).
public enum FetchEvent: Sendable, Equatable, CustomStringConvertible {
    /// A transient failure; the next attempt starts after `delay` seconds.
    case retrying(url: String, nextAttempt: Int, maxAttempts: Int, delay: Double, problem: String)
    /// A partial download continues from `offset` bytes.
    case resuming(url: String, offset: Int64)
    /// The server confirmed the cached copy (304).
    case notModified(url: String)

    /// The Spanish line the CLI prints.
    public var description: String {
        switch self {
        case .retrying(let url, let next, let max, let delay, let problem):
            let wait = String(format: "%.1f", delay)
            return "\(problem); reintento \(next) de \(max) en \(wait) s: \(url)"
        case .resuming(let url, let offset):
            return "reanudando desde \(ByteCount.text(offset)): \(url)"
        case .notModified(let url):
            return "sin cambios desde la última descarga (304), se usa la copia en caché: \(url)"
        }
    }
}
