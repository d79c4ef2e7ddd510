import Foundation

/// Failures building or writing published tables.
public enum PublishingError: Error, Sendable, LocalizedError {
    /// The output file or folder could not be written.
    case unwritable(path: String, cause: String)
    /// A period report needs monthly devengado that the imported lines lack.
    case noMonthlyBreakdown(lines: Int, of: Int)
    /// A modality that is not in the catalog.
    case unknownModality(String)

    public var errorDescription: String? {
        switch self {
        case .unwritable(let path, let cause): "no se pudo escribir «\(path)»: \(cause)"
        case .noMonthlyBreakdown(let lines, let total):
            "\(lines) de \(total) líneas no traen devengado mensual; el reporte por mes o cuatrimestre necesita un "
                + "archivo con columnas de devengado por mes"
        case .unknownModality(let text):
            "modalidad «\(text)» desconocida; use un código o nombre del catálogo de modalidades"
        }
    }
}
