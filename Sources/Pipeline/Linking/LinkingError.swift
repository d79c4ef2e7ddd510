import Domain
import Foundation

/// Why a linking pass could not run (nothing was changed).
public enum LinkingError: Error, Sendable, LocalizedError {
    /// The rules or manual-links file names products the year's metas do not have, or has other problems.
    case invalidInput(file: String, diagnostics: [Diagnostic])
    /// The year has no products to link to.
    case noProducts(ejercicio: Int)
    /// The rules file declares another fiscal year.
    case yearMismatch(file: String, declared: Int, requested: Int)

    public var errorDescription: String? {
        switch self {
        case .invalidInput(let file, let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            return "\(file): \(errors) error(es); no se vinculó nada"
        case .noProducts(let ejercicio):
            return "no hay productos del ejercicio \(ejercicio) a los que vincular compras; importe las metas con "
                + "`transparencia import metas ARCHIVO`"
        case .yearMismatch(let file, let declared, let requested):
            return "\(file) declara ejercicio = \(declared) y se pidió vincular \(requested); use --year \(declared) "
                + "o corrija el archivo"
        }
    }

    /// The diagnostics to print, when the error has them.
    public var diagnostics: [Diagnostic] {
        if case .invalidInput(_, let diagnostics) = self { return diagnostics }
        return []
    }
}
