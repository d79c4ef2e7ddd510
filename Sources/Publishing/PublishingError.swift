import Foundation

/// Failures writing published files.
public enum PublishingError: Error, Sendable, LocalizedError {
    /// The output file or folder could not be written.
    case unwritable(path: String, cause: String)

    public var errorDescription: String? {
        switch self {
        case .unwritable(let path, let cause): "no se pudo escribir «\(path)»: \(cause)"
        }
    }
}
