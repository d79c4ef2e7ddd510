import Foundation
import Importers
import Ledger

/// The ledger's on-disk ``RowStaging`` as the place where an importer parks rows until their group is complete.
final class LedgerRowStage: RowStage {
    private let staging: RowStaging

    /// A fresh, empty staging area (a private temporary SQLite file, gone when this is released).
    init() throws { staging = try RowStaging() }

    func add(group: String, sequence: Int, payload: Data) throws {
        try staging.append(group: group, sequence: sequence, payload: payload)
    }

    func markRejected(group: String, sequence: Int) throws {
        try staging.markRejected(group: group, sequence: sequence)
    }

    func forEachGroup(_ body: (String, [Data], Bool) throws -> Void) throws {
        try staging.forEachGroup(body)
    }

    func groupCount() throws -> Int { try staging.groupCount() }
}
