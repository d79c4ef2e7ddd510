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

    @Test("decisions reach the consumer in order, a slice at a time, all of them, before planning returns")
    func consumedInOrder() throws {
        let (procurements, evidence) = inputs(count: ParallelPlanning.threshold * 2 + 17)
        var consumed: [[LinkDecision]] = []
        let computation = try LinkComputation(planner: planner, procurements: procurements, evidence: evidence) {
            consumed.append($0)
        }
        // One core plans in one piece; more cores, in slices.
        #expect(consumed.count > 1 || ProcessInfo.processInfo.activeProcessorCount == 1, "more than one slice")
        #expect(consumed.flatMap { $0 } == computation.decisions)
    }

    @Test("an error of the consumer stops planning and is what the pass throws; nothing is consumed after it")
    func consumerErrorStops() throws {
        struct Stop: Error {}
        let (procurements, evidence) = inputs(count: ParallelPlanning.threshold * 2 + 17)
        var calls = 0
        #expect(throws: Stop.self) {
            _ = try LinkComputation(planner: planner, procurements: procurements, evidence: evidence) { _ in
                calls += 1
                if calls == 1 { throw Stop() }
            }
        }
        #expect(calls == 1, "nothing is consumed after the error")
    }

    @Test("a purchase that cannot be planned throws the first such error in order, after the slices before it")
    func plannerErrorInOrder() throws {
        let (procurements, evidence) = inputs(count: ParallelPlanning.threshold * 2 + 17)
        // Two purchases a rule links whose awards add up beyond 64-bit centavos (by different amounts, so the two
        // errors differ), one in a late slice and one in an early one.
        var broken = procurements
        for (index, nog, second) in [
            (procurements.count - 5, "late", Int64.max - 1), (procurements.count / 3, "early", Int64.max),
        ] {
            broken[index] = LinkFixtures.procurement(
                nog, title: "ADQUISICIÓN DE ALIMENTOS", awards: [("421450878", .max), ("421450878", second)])
        }
        var consumed: [String] = []
        do {
            _ = try LinkComputation(planner: planner, procurements: broken, evidence: evidence) {
                consumed += $0.map(\.nog)
            }
            Issue.record("the pass should fail")
        } catch {
            let plain = Result { try broken.map { try planner.plan($0, evidence: evidence[$0.nog] ?? []) } }
            if case .failure(let expected) = plain {
                #expect(String(describing: error) == String(describing: expected))
            } else {
                Issue.record("planning the broken purchases one by one should fail")
            }
        }
        #expect(!consumed.contains("early") && !consumed.contains("late"))
        #expect(consumed == Array(broken.map(\.nog).prefix(consumed.count)), "only whole slices before the error")
    }
}
