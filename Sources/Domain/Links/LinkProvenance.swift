import Foundation

/// What produced a link: evidence rows, a rule, or a line of a manual-links file.
public struct LinkProvenance: Hashable, Sendable, Codable {
    /// The `link_evidence` rows the link was computed from (evidence links).
    public var evidenceIDs: [Int64]
    /// The id of the rule that matched (rule links).
    public var ruleID: String?
    /// The manual-links file and line (manual links).
    public var manualFile: String?
    public var manualLine: Int?
    /// How a person reads it: `vinculos-sosep-2022.csv:10, 11`, `regla hogares-comunitarios`, `manuales.csv:3`.
    public var label: String

    public init(
        evidenceIDs: [Int64] = [], ruleID: String? = nil, manualFile: String? = nil, manualLine: Int? = nil,
        label: String
    ) {
        self.evidenceIDs = evidenceIDs
        self.ruleID = ruleID
        self.manualFile = manualFile
        self.manualLine = manualLine
        self.label = label
    }
}
