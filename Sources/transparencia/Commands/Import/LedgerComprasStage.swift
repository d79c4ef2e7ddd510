import Foundation
import Importers
import Ledger

/// The ledger's on-disk ``RowStaging`` as the place where `import compras` parks rows until their NOG is complete.
final class LedgerComprasStage: ComprasRowStage {
    private let staging: RowStaging

    /// A fresh, empty staging area (a private temporary SQLite file, gone when this is released).
    init() throws { staging = try RowStaging() }

    func add(nog: String, line: Int, payload: Data) throws {
        try staging.append(group: nog, sequence: line, payload: payload)
    }

    func forEachGroup(_ body: (String, [Data]) throws -> Void) throws {
        try staging.forEachGroup(body)
    }

    /// How many NOGs are staged (for the progress line).
    func nogCount() throws -> Int { try staging.groupCount() }
}
