import Domain
import Foundation

/// Failures of an import that stop it as a whole (row-level problems are ``Diagnostic`` values).
public enum ImportError: Error, Sendable, LocalizedError {
    /// The file has problems; nothing was imported. The diagnostics say where.
    case invalidFile(file: String, diagnostics: [Diagnostic])
    /// The file is not of the kind the command expects.
    case wrongKind(file: String, expected: String, detail: String)
    /// The institution profile cannot be read.
    case invalidProfile(file: String, detail: String)
    /// Required columns are missing from the header row.
    case missingColumns(file: String, kind: String, columns: [String])
    /// A page of a paged download: fewer records than the source says it has.
    case truncatedPage(file: String, records: Int, total: Int)

    public var errorDescription: String? {
        switch self {
        case .invalidFile(let file, let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            return "\(file): \(errors) error(es); no se importó nada"
        case .wrongKind(let file, let expected, let detail):
            return "\(file): no es un archivo de \(expected) (\(detail))"
        case .invalidProfile(let file, let detail):
            return "perfil «\(file)» inválido: \(detail)"
        case .missingColumns(let file, let kind, let columns):
            return
                "\(file): faltan columnas de \(kind): \(columns.joined(separator: ", ")); revise la fila de encabezados"
        case .truncatedPage(let file, let records, let total):
            return "\(file): trae \(records) registros de un total de \(total) (una página de una descarga paginada); "
                + "importarla subestimaría la ejecución. Descargue todas las páginas o use --allow-partial para aceptarla"
        }
    }
}
