import GRDB

extension Ledger {
    /// One large write in one transaction, for a linking pass or a red-flag run: hundreds of thousands of rows
    /// whose references the caller checked or made itself.
    ///
    /// For its length the page cache is raised to ``bulkCacheSize``: such a write dirties more pages than SQLite's
    /// default 2 MB cache holds, and spilling them to the WAL mid-transaction (then reading them back) cost a
    /// tenth of a linking pass. SQLite's foreign-key lookups are off around it (the pragma only takes effect
    /// outside a transaction): one to four lookups per row were a third of writing a re-link. Both are put back
    /// after, whatever happens.
    /// - Parameter body: writes, and says whether to commit (true) or roll back.
    func bulkWrite<T>(_ body: (Database) throws -> (commit: Bool, value: T)) throws -> T {
        try write { db in
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = \(Self.bulkCacheSize)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            return try withoutForeignKeyLookups(db) {
                var result: T?
                try db.inTransaction {
                    let (commit, value) = try body(db)
                    result = value
                    return commit ? .commit : .rollback
                }
                guard let result else { throw LedgerError.database(path: path, cause: "escritura sin resultado") }
                return result
            }
        }
    }

    /// The page cache of a ``bulkWrite(_:)``, in SQLite's negative-KiB form: up to 128 MB, used only as pages are
    /// touched.
    static let bulkCacheSize = -131_072
}
