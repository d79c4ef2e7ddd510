import Foundation

/// Failures of the red-flag module: a settings file that cannot be used, or an indicator id that does not exist.
public enum RedFlagsError: Error, Sendable, LocalizedError, Equatable {
    /// The settings file is not valid TOML, or a value has the wrong type or range.
    case invalidSettings(file: String, detail: String)
    /// An indicator id that is not in the registry.
    case unknownIndicator(String)
    /// An indicator that is defined but not computed yet.
    case pendingIndicator(id: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .invalidSettings(let file, let detail):
            "archivo de parámetros «\(file)»: \(detail)"
        case .unknownIndicator(let id):
            "no existe el indicador «\(id)»; los indicadores van de TR01 a TR20 (vea `transparencia banderas --help`)"
        case .pendingIndicator(let id, let reason):
            "\(id) está pendiente: \(reason)"
        }
    }
}
