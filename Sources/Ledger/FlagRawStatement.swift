import Foundation
import GRDB
import GRDBSQLite

/// A read-only statement stepped with SQLite's own functions, for the flag inputs' full-table scans and the
/// procurement listing.
///
/// GRDB prepares and finalizes it; rows are read in place from SQLite's buffers, which are valid until the next
/// step. Only for reads inside a `read` block: it bypasses GRDB's row types, not its transactions.
final class FlagRawStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let sql: String

    init(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws {
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        handle = statement.sqliteStatement
        self.sql = sql
    }

    /// Moves to the next row; false at the end.
    /// - Throws: ``LedgerError/database(path:cause:)`` when SQLite fails.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = String(cString: sqlite3_errstr(code))
            throw LedgerError.database(path: "", cause: "\(message) al leer: \(sql.prefix(80))")
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The column's UTF-8 bytes, valid until the next ``step()``; nil when NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func string(_ column: Int32) -> String? { bytes(column).map { String(decoding: $0, as: UTF8.self) } }
}
