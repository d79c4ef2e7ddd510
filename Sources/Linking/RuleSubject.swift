import Domain
import Foundation

/// A purchase as rules see it: the procurement with what the rules of the pass ask about prepared once (texts
/// folded, supplier NITs, its date, the renglones its evidence names), and only that.
struct RuleSubject {
    let procurement: LinkableProcurement
    /// The folded title and description between spaces, as bytes: phrases are searched here.
    private let text: [UInt8]
    private let unitName: String
    private let supplierNITs: Set<String>
    private let day: String?
    private let renglones: Set<Renglon>

    init(_ procurement: LinkableProcurement, evidence: [StoredLinkEvidence], needs: RuleNeeds) {
        self.procurement = procurement
        text =
            needs.text
            ? Array((" " + SearchText.fold(procurement.title + " " + (procurement.description ?? "")) + " ").utf8) : []
        unitName = needs.unit ? SearchText.fold(procurement.buyingUnitName ?? "") : ""
        supplierNITs =
            needs.nits
            ? Set(procurement.awards.filter(\.isActive).compactMap { $0.supplier.nit.map(NITCheckDigit.compact) }) : []
        day = needs.day ? procurement.purchaseDate.map(ProcurementDate.dayString) : nil
        renglones = needs.renglones ? Set(evidence.compactMap(\.evidence.renglon)) : []
    }

    /// True when the purchase meets every criterion the rule gives (a rule without criteria meets nothing).
    func meets(_ rule: CompiledRule) throws -> Bool {
        let criteria = rule.criteria
        if rule.isEmpty { return false }
        if !criteria.buyingUnits.isEmpty, !criteria.buyingUnits.contains(where: matchesUnit) { return false }
        if !criteria.renglones.isEmpty, renglones.isDisjoint(with: criteria.renglones) { return false }
        if !criteria.grupos.isEmpty, !renglones.contains(where: { criteria.grupos.contains($0.grupo) }) { return false }
        if !criteria.modalityCodes.isEmpty {
            guard let code = procurement.modalityCode, criteria.modalityCodes.contains(code) else { return false }
        }
        if !criteria.supplierNITs.isEmpty, supplierNITs.isDisjoint(with: criteria.supplierNITs) { return false }
        if !rule.keywords.isEmpty, !rule.keywords.contains(where: contains) { return false }
        if rule.excludedKeywords.contains(where: contains) { return false }
        if criteria.minimumAmount != nil || criteria.maximumAmount != nil {
            guard let awarded = try procurement.awardedTotal else { return false }
            if let minimum = criteria.minimumAmount, awarded < minimum { return false }
            if let maximum = criteria.maximumAmount, awarded > maximum { return false }
        }
        if criteria.from != nil || criteria.through != nil {
            guard let day else { return false }
            if let from = criteria.from, day < from { return false }
            if let through = criteria.through, day > through { return false }
        }
        return true
    }

    /// A folded phrase (with its leading space) appears in the title or description, starting at a word. A plain
    /// byte search: titles are short, and this runs once per rule and purchase.
    private func contains(_ phrase: [UInt8]) -> Bool {
        guard let first = phrase.first, phrase.count <= text.count else { return false }
        var start = 0
        let last = text.count - phrase.count
        while start <= last {
            if text[start] == first {
                var offset = 1
                while offset < phrase.count && text[start + offset] == phrase[offset] { offset += 1 }
                if offset == phrase.count { return true }
            }
            start += 1
        }
        return false
    }

    private func matchesUnit(_ unit: String) -> Bool {
        if procurement.buyingUnitCode == unit { return true }
        let folded = SearchText.fold(unit)
        return !folded.isEmpty && unitName.contains(folded)
    }
}

/// What a pass's rules look at, so a purchase prepares only that.
struct RuleNeeds: Sendable {
    var text = false
    var unit = false
    var nits = false
    var day = false
    var renglones = false

    init(_ rules: [CompiledRule]) {
        for rule in rules {
            let criteria = rule.criteria
            text = text || !rule.keywords.isEmpty || !rule.excludedKeywords.isEmpty
            unit = unit || !criteria.buyingUnits.isEmpty
            nits = nits || !criteria.supplierNITs.isEmpty
            day = day || criteria.from != nil || criteria.through != nil
            renglones = renglones || !criteria.renglones.isEmpty || !criteria.grupos.isEmpty
        }
    }
}

/// A rule prepared once per pass: its phrases as bytes, whether it has criteria at all. A class, so trying
/// every rule on every purchase copies a reference, not the rule's arrays.
final class CompiledRule: Sendable {
    let rule: LinkRule
    let criteria: LinkRuleCriteria
    let isEmpty: Bool
    let keywords: [[UInt8]]
    let excludedKeywords: [[UInt8]]

    init(_ rule: LinkRule) {
        self.rule = rule
        criteria = rule.criteria
        isEmpty = rule.criteria.isEmpty
        keywords = rule.criteria.keywords.map { Array((" " + $0).utf8) }
        excludedKeywords = rule.criteria.excludedKeywords.map { Array((" " + $0).utf8) }
    }
}
