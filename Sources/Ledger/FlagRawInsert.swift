import Foundation
import GRDB
import GRDBSQLite

/// An `INSERT` bound and stepped with SQLite's own functions, for the hundreds of thousands of flag and evidence
/// rows a national run stores.
///
/// GRDB's `StatementArguments` box every value in an existential and retain it on the way to SQLite; for a
/// national year that cost more than SQLite's own inserts. Values are bound in column order (``int(_:)``,
/// ``text(_:)``), then ``insert()`` steps and resets. Texts are stored as GRDB binds them (up to the first NUL), so
/// stored rows are the same. Only inside a `write` block: it bypasses GRDB's argument types, not its transactions.
final class FlagRawInsert {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    private let sql: String
    /// The next parameter to bind (SQLite counts from 1).
    private var parameter: Int32 = 1
    /// A row's texts, copied here and bound in place until the row is stepped: letting SQLite copy each text
    /// itself (`SQLITE_TRANSIENT`) cost a `malloc` and a `free` per value, an eighth of storing a national run.
    private let arena: UnsafeMutablePointer<UInt8>
    private var used = 0
    private static let arenaSize = 1 << 16

    /// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`): for a text the arena cannot hold.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
        self.sql = sql
        arena = .allocate(capacity: Self.arenaSize)
    }

    deinit {
        // The statement may outlive the arena by a moment: it must not keep pointers into it.
        sqlite3_clear_bindings(handle)
        arena.deallocate()
    }

    /// Binds an integer, or NULL.
    func int(_ value: Int64?) {
        if let value {
            sqlite3_bind_int64(handle, parameter, value)
        } else {
            sqlite3_bind_null(handle, parameter)
        }
        parameter += 1
    }

    /// Binds a text, or NULL.
    func text(_ value: String?) {
        if var value {
            let inArena = value.withUTF8 { bytes -> Bool in
                // Up to the first NUL, as a C string would be.
                var count = bytes.count
                if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                    count = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
                }
                guard used + count <= Self.arenaSize else { return false }
                let target = arena + used
                if let base = bytes.baseAddress { target.update(from: base, count: count) }
                sqlite3_bind_text(
                    handle, parameter, UnsafeRawPointer(target).assumingMemoryBound(to: CChar.self), Int32(count), nil)
                used += count
                return true
            }
            if !inArena { _ = value.withCString { sqlite3_bind_text(handle, parameter, $0, -1, Self.transient) } }
        } else {
            sqlite3_bind_null(handle, parameter)
        }
        parameter += 1
    }

    /// Inserts the bound row and gets ready for the next one.
    /// - Throws: ``LedgerError/database(path:cause:)`` when SQLite refuses the row.
    func insert() throws {
        let code = sqlite3_step(handle)
        // The message before the reset, which may clear it.
        let message =
            code == SQLITE_DONE ? nil : connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        sqlite3_reset(handle)
        parameter = 1
        used = 0
        guard code == SQLITE_DONE else {
            throw LedgerError.database(
                path: "", cause: "\(message ?? String(cString: sqlite3_errstr(code))) al guardar: \(sql.prefix(80))")
        }
    }
}
