import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

/// Two reads at once on two connections (what a red-flag run does) see one committed state.
struct ConcurrentReadTests {
    private static let rows: @Sendable (Database) throws -> Int = {
        try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM scratch") ?? -1
    }

    private func ledgerWithScratch() throws -> (Ledger, DatabaseQueue, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let path = directory.file("libro.sqlite").path
        let ledger = try Ledger.open(path: path, create: true)
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE scratch (x INTEGER)") }
        return (ledger, other, directory)
    }

    @Test("both halves of a concurrent read see the same rows")
    func sameState() throws {
        let (ledger, other, directory) = try ledgerWithScratch()
        try other.write { try $0.execute(sql: "INSERT INTO scratch VALUES (1), (2)") }
        let (first, second) = try ledger.readConcurrently(Self.rows, Self.rows)
        #expect(first == 2 && second == 2)
        withExtendedLifetime(directory) {}
    }

    @Test("a commit between the two reads' starts is never seen by only one of them")
    func commitBetweenStarts() throws {
        let (ledger, other, directory) = try ledgerWithScratch()
        let (first, second) = try ledger.readConcurrently(
            Self.rows, Self.rows,
            betweenStarts: { try other.write { try $0.execute(sql: "INSERT INTO scratch VALUES (1)") } })
        // Each attempt's commit made the two disagree; after two, both halves were read in one transaction.
        #expect(first == second)
        #expect(first == 2)
        withExtendedLifetime(directory) {}
    }

    @Test("an in-memory ledger reads both halves in one transaction")
    func inMemory() throws {
        let ledger = try Ledger.inMemory()
        try ledger.writer.write {
            try $0.execute(sql: "CREATE TABLE scratch (x INTEGER); INSERT INTO scratch VALUES (7)")
        }
        let (first, second) = try ledger.readConcurrently(Self.rows, Self.rows)
        #expect(first == 1 && second == 1)
    }

    @Test("an error in either half is thrown")
    func errors() throws {
        let (ledger, _, directory) = try ledgerWithScratch()
        let failing: @Sendable (Database) throws -> Int = { try Int.fetchOne($0, sql: "SELECT x FROM missing") ?? 0 }
        #expect(throws: DatabaseError.self) { try ledger.readConcurrently(failing, Self.rows) }
        #expect(throws: DatabaseError.self) { try ledger.readConcurrently(Self.rows, failing) }
        withExtendedLifetime(directory) {}
    }
}
