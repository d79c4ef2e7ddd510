import Foundation

/// A row of evidence as the ledger holds it: the row, its id, and the import (and file) it came from.
public struct StoredLinkEvidence: Hashable, Sendable {
    /// The `link_evidence` row id.
    public var id: Int64
    public var importRunID: Int64
    /// The imported file's name (for provenance: `vinculos-sosep-2022.csv:10`).
    public var fileName: String
    public var evidence: LinkEvidence

    public init(id: Int64, importRunID: Int64, fileName: String, evidence: LinkEvidence) {
        self.id = id
        self.importRunID = importRunID
        self.fileName = fileName
        self.evidence = evidence
    }
}
