import Foundation

/// Failures of the pipeline itself (row and file problems are reported in ``ImportReport``).
public enum PipelineError: Error, Sendable, LocalizedError {
    /// The import was cancelled (Ctrl-C, SIGTERM); nothing was kept.
    case cancelled
    /// A path given to import does not exist or is a folder.
    case notAFile(path: String, isDirectory: Bool)
    /// Something that should not happen; the message says what.
    case internalFailure(String)

    public var errorDescription: String? {
        switch self {
        case .cancelled: "importación cancelada; el libro de datos no cambió"
        case .notAFile(let path, let isDirectory):
            isDirectory ? "«\(path)» es una carpeta, no un archivo" : "no existe el archivo «\(path)»"
        case .internalFailure(let detail): "fallo interno de la importación: \(detail)"
        }
    }
}
