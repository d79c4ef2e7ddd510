import Domain
import Foundation

/// What reading one link file produced.
public struct LinkImport: Sendable {
    public var kind: LinkEvidence.Kind
    /// Rows without errors.
    public var evidence: [LinkEvidence]
    public var diagnostics: [Diagnostic]
    public var rowsRead: Int
    public var rowsRejected: Int
    public var formatDescription: String

    public init(
        kind: LinkEvidence.Kind, evidence: [LinkEvidence], diagnostics: [Diagnostic], rowsRead: Int, rowsRejected: Int,
        formatDescription: String
    ) {
        self.kind = kind
        self.evidence = evidence
        self.diagnostics = diagnostics
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.formatDescription = formatDescription
    }
}
