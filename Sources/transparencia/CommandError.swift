import Foundation

/// Errors the CLI itself raises (bad combinations found after parsing, missing files).
enum CommandError: Error, LocalizedError {
    case missingFile(String)
    case message(String)

    var errorDescription: String? {
        switch self {
        case .missingFile(let path): "no existe el archivo «\(path)»"
        case .message(let text): text
        }
    }
}
