import Domain
import Foundation
import Testing

@testable import Linking

@Suite("Planning many purchases at once")
struct ParallelPlanningTests {
    /// Purchases enough to be planned in slices, linked by evidence, by a rule, or left unlinked, in that rotation.
    private func inputs(count: Int) -> ([LinkableProcurement], [String: [StoredLinkEvidence]]) {
        var procurements: [LinkableProcurement] = []
        var evidence: [String: [StoredLinkEvidence]] = [:]
        for index in 0..<count {
            let nog = String(10_000_000 + index)
            let title = index % 3 == 1 ? "ADQUISICIÓN DE ALIMENTOS \(index)" : "SERVICIO \(index)"
            procurements.append(
                LinkFixtures.procurement(nog, title: title, awards: [("421450878", 1_000 + Int64(index))]))
            if index % 3 == 0 {
                evidence[nog] = [
                    LinkFixtures.evidence(Int64(2 * index), nog: nog, actividad: "001", centavos: 700),
                    LinkFixtures.evidence(
                        Int64(2 * index + 1), nog: nog, actividad: "004", centavos: 300 + Int64(index)),
                ]
            }
        }
        return (procurements, evidence)
    }

    private var planner: LinkPlanner {
        var criteria = LinkRuleCriteria()
        criteria.keywords = [SearchText.fold("alimentos")]
        let rules = LinkRuleSet(
            fileName: "r.toml",
            rules: [
                LinkRule(id: "alimentos", line: 1, criteria: criteria, targets: [LinkRuleTarget(productCode: "P05")])
            ])
        return LinkPlanner(ejercicio: 2022, products: LinkFixtures.products, rules: rules)
    }

    @Test("a pass over more purchases than one slice decides each exactly as planning it alone, in the order given")
    func sameAsOneByOne() throws {
        let (procurements, evidence) = inputs(count: ParallelPlanning.threshold * 2 + 17)
        let planner = planner
        let computation = try LinkComputation(planner: planner, procurements: procurements, evidence: evidence)
        let oneByOne = try procurements.map { try planner.plan($0, evidence: evidence[$0.nog] ?? []) }
        #expect(computation.decisions == oneByOne)
        #expect(computation.decisions.map(\.nog) == procurements.map(\.nog))
        #expect(computation.decisions.filter { $0.links.first?.method == .rule }.count == procurements.count / 3)
        #expect(computation.decisions.filter { $0.unlinked != nil }.count > 0)
    }
}
