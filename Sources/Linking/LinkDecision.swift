import Domain
import Foundation

/// What a linking pass decided for one purchase: its links, or why it stays unlinked, and which rules matched.
public struct LinkDecision: Hashable, Sendable {
    public var nog: String
    /// The links (empty when unlinked); shares add up to 1 except for manual links that say otherwise.
    public var links: [ProcurementLink]
    /// Why nothing linked the purchase, when nothing did.
    public var unlinked: UnlinkedProcurement?
    /// Every rule whose criteria the purchase meets, in file order.
    public var matchingRules: [String]
    /// The rule that linked it, when a rule did.
    public var appliedRule: String?
    /// Later rules that matched with other targets.
    public var conflicts: [RuleConflict]

    public init(
        nog: String, links: [ProcurementLink], unlinked: UnlinkedProcurement? = nil, matchingRules: [String] = [],
        appliedRule: String? = nil, conflicts: [RuleConflict] = []
    ) {
        self.nog = nog
        self.links = links
        self.unlinked = unlinked
        self.matchingRules = matchingRules
        self.appliedRule = appliedRule
        self.conflicts = conflicts
    }

    /// The method of the links (nil when unlinked).
    public var method: LinkMethod? { links.first?.method }

    /// A fingerprint of the result (links and unlinked reason, not the rules' bookkeeping): a re-linking writes a
    /// purchase again only when this changes.
    public var digest: String {
        var text = ""
        for link in links {
            text += [
                String(link.ejercicio), link.nog, link.productCode, link.subproductCode ?? "", link.renglon?.rawValue ?? "",
                link.supplierID ?? "", link.method.rawValue, String(link.share.billionths), String(link.amount.centavos),
                link.provenance.evidenceIDs.map(String.init).joined(separator: ","), link.provenance.ruleID ?? "",
                link.provenance.manualFile ?? "", link.provenance.manualLine.map(String.init) ?? "",
                link.provenance.label, link.dependsOn.map(String.init).joined(separator: ","), link.note ?? "",
            ].joined(separator: "\u{1F}") + "\u{1E}"
        }
        if let unlinked { text += "\(unlinked.ejercicio)\u{1F}\(unlinked.reason.rawValue)\u{1F}\(unlinked.detail)" }
        return FNV1a.hex(text)
    }
}

/// 64-bit FNV-1a: a stable, fast fingerprint (not a security hash) for change detection.
enum FNV1a {
    static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
