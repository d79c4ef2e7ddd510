import Foundation

/// How a link between a purchase and a product was made. Manual links win over evidence, evidence over rules.
public enum LinkMethod: String, Hashable, Sendable, Codable, CaseIterable {
    /// A file of the budget system ties the NOG to budget lines of the product (input-level execution).
    case evidence = "evidencia"
    /// A rule of the rules file matched the purchase.
    case rule = "regla"
    /// A person said so, in a manual-links file.
    case manual

    /// Spanish label for reports (`por evidencia`).
    public var label: String {
        switch self {
        case .evidence: "por evidencia"
        case .rule: "por regla"
        case .manual: "manual"
        }
    }
}
