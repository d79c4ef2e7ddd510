import CSQLiteSettings

/// SQLite's settings for the whole process, made once before the first ledger opens.
enum SQLiteSettings {
    /// Multi-thread mode without memory statistics (`transparencia_sqlite_multithread`): SQLite's mutexes around
    /// every call were 2 % of a national export's CPU. Safe because GRDB uses each connection from one thread at a
    /// time, and the export's lanes and concurrent reads each open their own. SQLite's result is kept: when SQLite
    /// was already in use (a test host that opened a database first), the settings stay SQLite's defaults.
    static let applied: Int32 = transparencia_sqlite_multithread()
}
