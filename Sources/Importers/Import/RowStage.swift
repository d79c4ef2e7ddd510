import Foundation

/// Where an importer parks rows until every row of their group (a NOG) has been read.
///
/// The lines of one NOG may be anywhere in a flat export, so a NOG can only be assembled after the whole file is
/// read. Importers never touch a database: the caller provides this stage (an on-disk staging area in the
/// pipeline, an array in small tests) and the importer encodes each row as opaque bytes.
public protocol RowStage: SendableMetatype {
    /// Parks one row of `group`; `sequence` grows from one call to the next.
    func add(group: String, sequence: Int, payload: Data) throws
    /// Notes that the row `sequence` of `group` was rejected: the whole group will be left out (kept here, not in
    /// memory).
    func markRejected(group: String, sequence: Int) throws
    /// Hands each group's payloads to `body` in the order they were added, groups in order of their first row,
    /// saying whether the group had a rejected row.
    func forEachGroup(_ body: (_ group: String, _ payloads: [Data], _ rejected: Bool) throws -> Void) throws
    /// How many groups are staged.
    func groupCount() throws -> Int
}
