import Domain
import Foundation

/// What reading a rules file produced: its rules and warnings (a file with errors is refused as a whole).
public struct LinkRulesReading: Sendable {
    public var ruleSet: LinkRuleSet
    /// Warnings (a renglón the catalog lacks, a NIT whose check digit fails).
    public var diagnostics: [Diagnostic]
    /// The file's text, stored in the ledger so later passes use the same rules.
    public var text: String
    /// SHA-256 of the text.
    public var sha256: String

    public init(ruleSet: LinkRuleSet, diagnostics: [Diagnostic], text: String, sha256: String) {
        self.ruleSet = ruleSet
        self.diagnostics = diagnostics
        self.text = text
        self.sha256 = sha256
    }
}
