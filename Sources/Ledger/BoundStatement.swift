import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement run with values bound straight through SQLite's C API (`sqlite3_bind_*`,
/// `sqlite3_step`, `sqlite3_reset`), for the few statements an import runs once per line or per record.
///
/// GRDB's `StatementArguments` box every value in an existential and an array first; for the three statements
/// of each budget line of a national file that boxing cost more than SQLite's own work.
struct BoundStatement {
    private let statement: Statement
    private let connection: SQLiteConnection?
    private var index: Int32 = 0

    /// Wraps a statement prepared by GRDB (kept alive by the caller, e.g. from `cachedStatement`).
    init(_ statement: Statement, db: Database) {
        self.statement = statement
        self.connection = db.sqliteConnection
    }

    /// Binds the next parameter to an integer (NULL when nil).
    mutating func bind(_ value: Int64?) {
        index += 1
        if let value {
            sqlite3_bind_int64(statement.sqliteStatement, index, value)
        } else {
            sqlite3_bind_null(statement.sqliteStatement, index)
        }
    }

    /// Binds the next parameter to an integer (NULL when nil).
    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    /// Binds the next parameter to a text (NULL when nil); SQLite copies the bytes.
    mutating func bind(_ value: String?) {
        index += 1
        guard let value else {
            sqlite3_bind_null(statement.sqliteStatement, index)
            return
        }
        let position = index
        withUTF8(of: value) { bindCopy(of: $0, at: position) }
    }

    /// Hands `text`'s UTF-8 to `body` in place when it is contiguous (native strings are), without the copy, and
    /// its retain and release, that `String.withUTF8` needs to be called: this runs for every text an import binds.
    private func withUTF8(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable(body) == nil {
            var copy = text
            copy.withUTF8(body)
        }
    }

    /// Binds a parameter to a copy of `bytes` that SQLite takes before this returns (`SQLITE_TRANSIENT`).
    private func bindCopy(of bytes: UnsafeBufferPointer<UInt8>, at position: Int32) {
        sqlite3_bind_text(
            statement.sqliteStatement, position,
            bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
            Int32(bytes.count), unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
    }

    /// Binds the next parameter to a text (NULL when nil) whose bytes `arena` keeps until the statement ran, so
    /// SQLite reads them in place; a text too long for the arena is copied by SQLite as in ``bind(_:)-(String?)``.
    mutating func bind(_ value: String?, keptIn arena: BoundTextArena) {
        guard let value else { return bind(nil as String?) }
        index += 1
        let position = index
        withUTF8(of: value) { bytes in
            if let kept = arena.store(bytes) {
                // SQLITE_STATIC: the arena keeps the bytes until the caller resets it after the statement ran.
                sqlite3_bind_text(statement.sqliteStatement, position, kept, Int32(bytes.count), nil)
            } else {
                bindCopy(of: bytes, at: position)
            }
        }
    }

    /// Runs the statement to its end (an INSERT or UPDATE) and readies it for the next values.
    /// - Throws: `DatabaseError` with SQLite's message (a constraint, a full disk…).
    mutating func execute() throws {
        defer { reset() }
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Runs a query and hands its first row's columns to `read` (nil when it has no row), then readies the
    /// statement for the next values.
    mutating func first<T>(_ read: (SQLiteStatement) -> T) throws -> T? {
        defer { reset() }
        let code = sqlite3_step(statement.sqliteStatement)
        switch code {
        case SQLITE_ROW: return read(statement.sqliteStatement)
        case SQLITE_DONE: return nil
        default: throw error(code)
        }
    }

    /// Runs a query and gives its first row's first column as text (nil when it has no row or the value is NULL).
    mutating func firstText() throws -> String? {
        try first { row in sqlite3_column_text(row, 0).map { String(cString: $0) } } ?? nil
    }

    /// Runs a query and gives its first row's first column as an integer (nil when it has no row).
    mutating func firstInteger() throws -> Int64? {
        try first { row in sqlite3_column_int64(row, 0) }
    }

    private mutating func reset() {
        sqlite3_reset(statement.sqliteStatement)
        index = 0
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) },
            sql: statement.sql)
    }
}
