import Foundation
import GRDB

extension Ledger {
    /// Runs a read on the database.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// Runs writes on the database without opening a transaction: the body opens its own, so a long import can
    /// decide at its end whether to keep what it wrote.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction(body)
    }
}
