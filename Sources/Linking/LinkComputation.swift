import Domain
import Foundation

/// A linking pass over many purchases: one decision each, and what every rule did.
public struct LinkComputation: Sendable {
    /// One decision per purchase, in the order given.
    public var decisions: [LinkDecision]
    /// Every rule of the file, in file order, with its counts.
    public var rules: [RuleOutcome]

    /// Plans every purchase with the evidence that names it.
    /// - Parameters:
    ///   - planner: the year's products, rules and manual links.
    ///   - procurements: the purchases to decide.
    ///   - evidence: evidence rows by NOG.
    ///   - rules: the rules file's rules, for the per-rule counts (pass the same set the planner has).
    ///   - decided: receives the decisions in order, a slice at a time, while later ones are still being planned
    ///     (``ParallelPlanning/decisions(_:procurements:evidence:consume:)``); what it throws is rethrown.
    public init(
        planner: LinkPlanner, procurements: [LinkableProcurement], evidence: [String: [StoredLinkEvidence]],
        rules: [LinkRule] = [], decided: ([LinkDecision]) throws -> Void = { _ in }
    ) throws {
        decisions = try ParallelPlanning.decisions(
            planner, procurements: procurements, evidence: evidence, consume: decided)
        var outcomes = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, RuleOutcome(id: $0.id, line: $0.line)) })
        for decision in decisions {
            for id in decision.matchingRules { outcomes[id]?.matched += 1 }
            if let applied = decision.appliedRule {
                outcomes[applied]?.linked += 1
                try outcomes[applied]?.amount += Money.sum(decision.links.map(\.amount))
            }
            for conflict in decision.conflicts { outcomes[conflict.other]?.conflicts += 1 }
        }
        self.rules = rules.compactMap { outcomes[$0.id] }
    }

    /// Every conflict between rules, in purchase order.
    public var conflicts: [RuleConflict] { decisions.flatMap(\.conflicts) }
}
