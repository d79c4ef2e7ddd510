import GRDB

extension Ledger {
    /// Another connection to the same ledger file, one that can only read: for reads that run on another thread
    /// beside this connection's (an export's second lane of tables). It has its own ``ReadMemo``s, so what it adds
    /// up is reused only by reads on it. Nil for an in-memory ledger, which no second connection can see.
    ///
    /// Read-only, so it never switches the journal mode or migrates: it opens a ledger this connection already
    /// opened (and migrated).
    /// - Throws: ``LedgerError`` when the file cannot be opened again (as ``open(path:create:busyTimeout:)`` says it).
    public func reader() throws -> Ledger? {
        guard path != ":memory:" else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.defaultBusyTimeout)
        return try Self.opened(path: path, configuration: configuration)
    }
}
