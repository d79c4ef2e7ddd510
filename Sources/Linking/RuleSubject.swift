import Domain
import Foundation

/// A purchase as rules see it: the procurement with its texts folded once, its supplier NITs, its date and the
/// renglones its evidence names.
struct RuleSubject {
    let procurement: LinkableProcurement
    let text: String
    let unitName: String
    let supplierNITs: Set<String>
    let day: String?
    let renglones: Set<Renglon>

    init(_ procurement: LinkableProcurement, evidence: [StoredLinkEvidence]) {
        self.procurement = procurement
        text = " " + SearchText.fold(procurement.title + " " + (procurement.description ?? "")) + " "
        unitName = SearchText.fold(procurement.buyingUnitName ?? "")
        supplierNITs = Set(procurement.awards.filter(\.isActive).compactMap { $0.supplier.nit.map(NITCheckDigit.compact) })
        day = procurement.purchaseDate.map(ProcurementDate.dayString)
        renglones = Set(evidence.compactMap(\.evidence.renglon))
    }

    /// True when the purchase meets every criterion the rule gives.
    func meets(_ criteria: LinkRuleCriteria) -> Bool {
        if criteria.isEmpty { return false }
        if !criteria.buyingUnits.isEmpty, !criteria.buyingUnits.contains(where: matchesUnit) { return false }
        if !criteria.renglones.isEmpty, renglones.isDisjoint(with: criteria.renglones) { return false }
        if !criteria.grupos.isEmpty, !renglones.contains(where: { criteria.grupos.contains($0.grupo) }) { return false }
        if !criteria.modalityCodes.isEmpty {
            guard let code = procurement.modalityCode, criteria.modalityCodes.contains(code) else { return false }
        }
        if !criteria.supplierNITs.isEmpty, supplierNITs.isDisjoint(with: criteria.supplierNITs) { return false }
        if !criteria.keywords.isEmpty, !criteria.keywords.contains(where: contains) { return false }
        if criteria.excludedKeywords.contains(where: contains) { return false }
        if criteria.minimumAmount != nil || criteria.maximumAmount != nil {
            guard let awarded = procurement.awardedTotal else { return false }
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

    /// A folded phrase appears in the title or description, starting at a word.
    private func contains(_ phrase: String) -> Bool {
        text.contains(" " + phrase)
    }

    private func matchesUnit(_ unit: String) -> Bool {
        if procurement.buyingUnitCode == unit { return true }
        let folded = SearchText.fold(unit)
        return !folded.isEmpty && unitName.contains(folded)
    }
}
