import Foundation

/// One rule of a rules file: what a purchase must look like, and the product(s) it then serves.
///
/// Rules are tried in file order on purchases that no manual link or evidence linked; the first that matches
/// links the purchase. Every criterion given must hold (a list holds when any of its values does); a rule with
/// no criteria matches nothing.
public struct LinkRule: Hashable, Sendable {
    /// Stable id, unique in the file (`hogares-comunitarios`): links cite it.
    public var id: String
    public var description: String?
    /// 1-based line of the rule's `[[regla]]` header in its file.
    public var line: Int
    public var criteria: LinkRuleCriteria
    /// One target (the whole purchase) or several whose shares add up to 1.
    public var targets: [LinkRuleTarget]
    /// Copied into each link the rule makes.
    public var note: String?

    public init(
        id: String, description: String? = nil, line: Int, criteria: LinkRuleCriteria, targets: [LinkRuleTarget],
        note: String? = nil
    ) {
        self.id = id
        self.description = description
        self.line = line
        self.criteria = criteria
        self.targets = targets
        self.note = note
    }
}

/// What a purchase must show for a rule to match it. Empty lists and nil bounds do not constrain.
public struct LinkRuleCriteria: Hashable, Sendable {
    /// Buying units: a code (`436-2`) or part of the name, compared without accents or case.
    public var buyingUnits: [String] = []
    /// Renglones the purchase's evidence rows name.
    public var renglones: [Renglon] = []
    /// Expense groups of the renglones the purchase's evidence rows name.
    public var grupos: [GrupoGasto] = []
    /// Modality codes of the bundled catalog.
    public var modalityCodes: [String] = []
    /// Supplier NITs of the purchase's active awards, compacted (``NITCheckDigit/compact(_:)``).
    public var supplierNITs: [String] = []
    /// Phrases of which the title or description must contain at least one, folded (``SearchText/fold(_:)``).
    public var keywords: [String] = []
    /// Phrases none of which may appear, folded.
    public var excludedKeywords: [String] = []
    /// Awarded total bounds, inclusive.
    public var minimumAmount: Money?
    public var maximumAmount: Money?
    /// Date bounds (`2022-01-01`), inclusive, on the award date or else the publication date.
    public var from: String?
    public var through: String?

    public init() {}

    /// True when the rule constrains nothing (it would match every purchase: refused when read).
    public var isEmpty: Bool { self == LinkRuleCriteria() }
}

/// A product (or subproduct) a rule links to, with the share of the purchase it gets.
public struct LinkRuleTarget: Hashable, Sendable {
    public var productCode: String
    public var subproductCode: String?
    public var renglon: Renglon?
    public var share: LinkShare

    public init(productCode: String, subproductCode: String? = nil, renglon: Renglon? = nil, share: LinkShare = .whole)
    {
        self.productCode = productCode
        self.subproductCode = subproductCode
        self.renglon = renglon
        self.share = share
    }
}

/// The rules of one rules file, in order.
public struct LinkRuleSet: Hashable, Sendable {
    /// The file the rules came from (for messages and provenance).
    public var fileName: String
    /// The fiscal year the file declares (`ejercicio = 2022`), if any.
    public var ejercicio: Int?
    public var rules: [LinkRule]

    public init(fileName: String, ejercicio: Int? = nil, rules: [LinkRule]) {
        self.fileName = fileName
        self.ejercicio = ejercicio
        self.rules = rules
    }
}
