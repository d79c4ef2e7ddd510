import Foundation

/// Where ``ComprasFlatImporter`` parks the rows it has read until every row of their NOG is known.
///
/// The lines of one NOG may be anywhere in a flat export, so a NOG can only be assembled after the whole file
/// is read. The importer never touches a database: the caller provides this stage (the ledger's on-disk
/// staging area in the CLI, an array in small tests) and the importer encodes each row as opaque bytes.
public protocol ComprasRowStage {
    /// Parks one row of `nog`; `line` grows from one call to the next.
    func add(nog: String, line: Int, payload: Data) throws
    /// Hands each NOG's payloads to `body` in the order they were added, NOGs in order of their first row.
    func forEachGroup(_ body: (_ nog: String, _ payloads: [Data]) throws -> Void) throws
}
