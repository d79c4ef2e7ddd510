import Foundation

/// Failures of the ledger database.
public enum LedgerError: Error, Sendable, LocalizedError {
    /// The database file does not exist (and the command does not create it).
    case notInitialized(path: String)
    /// The file exists but is not an SQLite database.
    case notALedger(path: String)
    /// The database was written by a newer version of the tool.
    case newerSchema(path: String)
    /// SQLite refused an operation.
    case database(path: String, cause: String)

    public var errorDescription: String? {
        switch self {
        case .notInitialized(let path):
            "no existe el libro de datos «\(path)»; créelo con `transparencia init --db \(path)`"
        case .notALedger(let path):
            "«\(path)» no es un libro de datos (no es una base de datos SQLite); revise --db"
        case .newerSchema(let path):
            "el libro de datos «\(path)» fue creado por una versión más nueva de transparencia; actualice la herramienta"
        case .database(let path, let cause): "error de la base de datos «\(path)»: \(cause)"
        }
    }
}
