import Domain
import Foundation

/// Which purchases the split-purchase indicators read: in the valid set, of a split-eligible modality, not
/// excluded at their date, and within their modality's own range (a purchase above it is TR07's business).
struct SplitCandidates {
    /// A candidate purchase with its modality's ceiling at its date.
    struct Candidate {
        let fact: Int
        let ceiling: Money
    }

    let candidates: [Candidate]
    /// Purchases of a split-eligible modality left out by an exclusion rule.
    let excluded: Int
    /// Purchases of a split-eligible modality above their own ceiling (left to TR07).
    let aboveCeiling: Int

    init(_ context: FlagContext, modalities: [String]) {
        let eligible = Set(modalities)
        var candidates: [Candidate] = []
        var excluded = 0
        var above = 0
        for (index, fact) in context.facts.enumerated() {
            guard fact.isValid, let code = fact.modalityCode, eligible.contains(code), let amount = fact.amount,
                let ceiling = context.ownCeilings[index]
            else { continue }
            if context.splitExclusion(at: index) != nil {
                excluded += 1
                continue
            }
            if amount > ceiling {
                above += 1
                continue
            }
            candidates.append(Candidate(fact: index, ceiling: ceiling))
        }
        self.candidates = candidates
        self.excluded = excluded
        self.aboveCeiling = above
    }

    /// Spanish coverage notes.
    var notes: [String] {
        var notes: [String] = []
        if excluded > 0 {
            notes.append("\(excluded) compras excluidas por las reglas de exclusión vigentes a su fecha")
        }
        if aboveCeiling > 0 {
            notes.append("\(aboveCeiling) compras superan el techo de su propia modalidad (ver TR07)")
        }
        return notes
    }
}
