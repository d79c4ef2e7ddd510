import GRDB
import Testing

@testable import Ledger

/// Writes without SQLite's foreign-key look-ups always give the connection its look-ups (and cascades) back.
struct ForeignKeyLookupsTests {
    private static func lookups(_ db: Database) throws -> Bool? { try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }

    @Test("off while the body runs, on after it")
    func offThenOn() throws {
        let ledger = try Ledger.inMemory()
        let (during, after) = try ledger.write { db in
            (try ledger.withoutForeignKeyLookups(db) { try Self.lookups(db) }, try Self.lookups(db))
        }
        #expect(during == false)
        #expect(after == true)
    }

    @Test("a transaction the body left open is rolled back, and the look-ups are back on")
    func openTransactionRolledBack() throws {
        let ledger = try Ledger.inMemory()
        let (open, rows, after) = try ledger.write { db in
            try db.execute(sql: "CREATE TABLE scratch (x INTEGER)")
            try ledger.withoutForeignKeyLookups(db) {
                try db.execute(sql: "BEGIN")
                try db.execute(sql: "INSERT INTO scratch VALUES (1)")
            }
            return (
                db.isInsideTransaction, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scratch"), try Self.lookups(db)
            )
        }
        #expect(!open)
        #expect(rows == 0)
        #expect(after == true)
    }

    @Test("the body's error reaches the caller, with the look-ups back on")
    func errorPassesThrough() throws {
        struct Failure: Error {}
        let ledger = try Ledger.inMemory()
        let (caught, after) = try ledger.write { db in
            var caught = false
            do { try ledger.withoutForeignKeyLookups(db) { throw Failure() } } catch is Failure { caught = true }
            return (caught, try Self.lookups(db))
        }
        #expect(caught)
        #expect(after == true)
    }
}
