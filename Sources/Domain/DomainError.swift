import Foundation

/// Failures of the Domain module itself (not of user data, which are ``Diagnostic`` values).
public enum DomainError: Error, Sendable, LocalizedError {
    /// A catalog resource is missing from the bundle.
    case missingCatalog(String)

    public var errorDescription: String? {
        switch self {
        case .missingCatalog(let name):
            "falta el catálogo «\(name)» entre los recursos del programa; reinstale la herramienta"
        }
    }
}
