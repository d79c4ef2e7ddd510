import Domain
import Foundation

/// One problem a check found, pointing at the rows involved.
public struct Finding: Sendable, Hashable, Codable {
    public var severity: Diagnostic.Severity
    /// Spanish explanation with the numbers that disagree.
    public var message: String
    /// What the finding points at: a file line, a product code, a NOG.
    public var reference: String?
    /// The ledger rows it names, typed so tools can follow them (`nog:16299514`).
    public var rows: [FindingRow]

    public init(severity: Diagnostic.Severity, message: String, reference: String? = nil, rows: [FindingRow] = []) {
        self.severity = severity
        self.message = message
        self.reference = reference
        self.rows = rows
    }
}
