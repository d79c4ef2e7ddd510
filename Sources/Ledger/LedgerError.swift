import Foundation
import GRDB

/// Failures of the ledger database.
public enum LedgerError: Error, Sendable, LocalizedError {
    /// The database file does not exist (and the command does not create it).
    case notInitialized(path: String)
    /// The file exists but is not an SQLite database.
    case notALedger(path: String)
    /// The database was written by a newer version of the tool.
    case newerSchema(path: String)
    /// Another process kept writing (an import) for longer than a write waits (nil when the path is not known
    /// where the error is explained).
    case busy(path: String?)
    /// SQLite refused an operation.
    case database(path: String, cause: String)
    /// A stored value that should be a number is not (a ledger edited by hand, or damaged).
    case unreadableValue(table: String, row: String, column: String, value: String)

    public var errorDescription: String? {
        switch self {
        case .notInitialized(let path):
            "no existe el libro de datos «\(path)»; créelo con `transparencia init --db \(path)`"
        case .notALedger(let path):
            "«\(path)» no es un libro de datos (no es una base de datos SQLite); revise --db"
        case .newerSchema(let path):
            "el libro de datos «\(path)» fue creado por una versión más nueva de transparencia; actualice la herramienta"
        case .busy(let path):
            "el libro de datos\(path.map { " «\($0)»" } ?? "") está ocupado: otra importación lo está escribiendo; "
                + "se esperó \(Int(Ledger.defaultBusyTimeout)) s sin que terminara. No se cambió nada: "
                + "vuelva a intentarlo cuando termine"
        case .database(let path, let cause): "error de la base de datos «\(path)»: \(cause)"
        case .unreadableValue(let table, let row, let column, let value):
            "el libro de datos guarda «\(value)» en \(table).\(column) de \(row), que no es un número; "
                + "vuelva a importar el archivo de origen"
        }
    }

    /// The error a user should read: SQLite's "database is locked" (another process writing for longer than
    /// a write waits) becomes ``busy(path:)``; any other error is returned unchanged.
    public static func explaining(_ error: any Error) -> any Error {
        guard let database = error as? DatabaseError,
            database.resultCode == .SQLITE_BUSY || database.resultCode == .SQLITE_LOCKED
        else { return error }
        return LedgerError.busy(path: nil)
    }
}
