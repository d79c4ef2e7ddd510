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
        var hash = FNV1a()
        for link in links {
            hash.add(link.ejercicio)
            hash.add(link.nog)
            hash.add(link.productCode)
            hash.add(link.subproductCode ?? "")
            hash.add(link.renglon?.rawValue ?? "")
            hash.add(link.supplierID ?? "")
            hash.add(link.method.rawValue)
            hash.add(link.share.billionths)
            hash.add(link.amount.centavos)
            for id in link.provenance.evidenceIDs { hash.add(id) }
            hash.add(link.provenance.ruleID ?? "")
            hash.add(link.provenance.manualFile ?? "")
            if let line = link.provenance.manualLine { hash.add(line) } else { hash.add("") }
            hash.add(link.provenance.label)
            for run in link.dependsOn { hash.add(run) }
            hash.add(link.note ?? "")
            hash.separate()
        }
        if let unlinked {
            hash.add(unlinked.ejercicio)
            hash.add(unlinked.reason.rawValue)
            hash.add(unlinked.detail)
        }
        return hash.hex
    }
}

/// 64-bit FNV-1a: a stable, fast fingerprint (not a security hash) for change detection, fed field by field.
struct FNV1a {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds a field and a unit separator (so `ab`,`c` and `a`,`bc` differ).
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { for byte in $0 { mix(byte) } }
        mix(0x1F)
    }

    /// Adds an integer as its decimal text (the bytes of `String(value)`), without making the string: a national
    /// pass fingerprints about a million of them.
    mutating func add<Integer: BinaryInteger>(_ value: Integer) {
        if value < 0 { mix(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { mix(buffer[index]) }
        }
        mix(0x1F)
    }

    /// Marks the end of a record.
    mutating func separate() { mix(0x1E) }

    private mutating func mix(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }

    /// The fingerprint as 16 hex digits.
    var hex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
