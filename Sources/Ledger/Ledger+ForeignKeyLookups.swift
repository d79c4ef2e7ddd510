import GRDB

extension Ledger {
    /// Runs `body` with SQLite's foreign-key look-ups off, for writes whose references the caller checked or made
    /// itself, and puts them back after, whatever happens.
    ///
    /// The pragma only takes effect outside a transaction, so a transaction `body` left open (a rollback that
    /// failed) is rolled back first: nothing half-written is kept, and the connection never goes on without its
    /// cascades. Should the look-ups still be off after that, the error says so rather than leaving the connection
    /// to delete without cascading.
    func withoutForeignKeyLookups<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        let result = Result { try body() }
        if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
        try? db.execute(sql: "PRAGMA foreign_keys = ON")
        guard (try? Bool.fetchOne(db, sql: "PRAGMA foreign_keys")) == true else {
            throw LedgerError.database(
                path: path, cause: "no se pudieron reactivar las claves foráneas de la conexión tras una escritura")
        }
        return try result.get()
    }
}
