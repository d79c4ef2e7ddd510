import Foundation

/// A change a re-import made to a stored procurement, with the state it replaced.
public struct ProcurementChange: Sendable, Hashable {
    public var nog: String
    /// The import that made the change.
    public var importRunID: Int64
    /// The import that had written the previous state.
    public var previousImportRunID: Int64
    public var recordedAt: Date
    /// Names of the Domain fields that changed (`status`, `awards`).
    public var changedFields: [String]
    /// Release ids of the previous and of the new state.
    public var previousReleaseIDs: [String]
    public var newReleaseIDs: [String]
    /// JSON of the procurement before the change.
    public var previousSnapshot: String

    public init(
        nog: String, importRunID: Int64, previousImportRunID: Int64, recordedAt: Date, changedFields: [String],
        previousReleaseIDs: [String], newReleaseIDs: [String], previousSnapshot: String
    ) {
        self.nog = nog
        self.importRunID = importRunID
        self.previousImportRunID = previousImportRunID
        self.recordedAt = recordedAt
        self.changedFields = changedFields
        self.previousReleaseIDs = previousReleaseIDs
        self.newReleaseIDs = newReleaseIDs
        self.previousSnapshot = previousSnapshot
    }
}
