import Domain
import Foundation
import Linking
import Testing

struct LinkPlannerTests {
    private let planner = LinkPlanner(
        ejercicio: 2022, products: LinkFixtures.products, subproducts: LinkFixtures.subproducts,
        productRuns: ["P01": 5, "P02": 5, "P05": 5])

    @Test("evidence whose budget structure belongs to one product links the whole purchase to it")
    func evidenceUnique() throws {
        let purchase = LinkFixtures.procurement("100", awards: [("421450878", 89_850_00)])
        let decision = try planner.plan(purchase, evidence: [LinkFixtures.evidence(1, nog: "100", centavos: 89_850_00)])
        let link = try #require(decision.links.first)
        #expect(decision.links.count == 1)
        #expect(link.method == .evidence)
        #expect(link.productCode == "P02")
        #expect(link.renglon?.rawValue == "211")
        #expect(link.supplierID == "421450878")
        #expect(link.share == .whole)
        #expect(link.amount == Money(centavos: 89_850_00))
        #expect(link.provenance.evidenceIDs == [1])
        #expect(link.provenance.label == "vinculos.csv:2")
        #expect(link.dependsOn == [1, 2, 5])
    }

    @Test("evidence across two products splits the award by the evidence amounts, to the centavo")
    func evidenceSplit() throws {
        let purchase = LinkFixtures.procurement("17121890", awards: [("82590753", 11_878_533)])
        let decision = try planner.plan(
            purchase,
            evidence: [
                LinkFixtures.evidence(
                    9, nog: "17121890", programa: "01", actividad: "001", renglon: "111", nit: "82590753",
                    centavos: 8_314_973),
                LinkFixtures.evidence(
                    10, nog: "17121890", programa: "11", actividad: "004", renglon: "111", nit: "82590753",
                    centavos: 3_563_560),
            ])
        #expect(decision.links.map(\.productCode) == ["P01", "P05"])
        #expect(decision.links.map(\.amount.centavos) == [8_314_973, 3_563_560])
        #expect(decision.links.map(\.share.billionths).reduce(0, +) == LinkShare.scale)
        #expect(try Money.sum(decision.links.map(\.amount)) == Money(centavos: 11_878_533))
    }

    @Test("when evidence covers less than the award, the award is still split by the evidence's proportions")
    func evidenceProportions() throws {
        let purchase = LinkFixtures.procurement("200", awards: [("421450878", 100_00)])
        let decision = try planner.plan(
            purchase,
            evidence: [
                LinkFixtures.evidence(1, nog: "200", actividad: "001", centavos: 10_00),
                LinkFixtures.evidence(2, nog: "200", actividad: "002", centavos: 10_00),
                LinkFixtures.evidence(3, nog: "200", actividad: "004", centavos: 10_00),
            ])
        #expect(decision.links.map(\.amount.centavos) == [33_34, 33_33, 33_33])
        #expect(decision.links.map(\.share.billionths) == [333_333_334, 333_333_333, 333_333_333])
    }

    @Test("evidence without actividad fits several products: ambiguous, unlinked, with the reason and the rows")
    func ambiguous() throws {
        let decision = try planner.plan(
            LinkFixtures.procurement("300"),
            evidence: [LinkFixtures.evidence(4, nog: "300", actividad: nil, centavos: 100)])
        #expect(decision.links.isEmpty)
        let unlinked = try #require(decision.unlinked)
        #expect(unlinked.reason == .ambiguous)
        #expect(unlinked.detail.contains("vinculos.csv:5"))
        #expect(unlinked.detail.contains("P02, P03, P04, P05"))
    }

    @Test("evidence naming an activity no product has stays unlinked as unknown product")
    func unknownProduct() throws {
        let decision = try planner.plan(
            LinkFixtures.procurement("400"),
            evidence: [LinkFixtures.evidence(4, nog: "400", actividad: "009", centavos: 100)])
        #expect(decision.unlinked?.reason == .unknownProduct)
        #expect(decision.unlinked?.detail.contains("actividad 009") == true)
    }

    @Test("no evidence and no rule: unlinked without evidence; evidence of another year does not count")
    func noEvidence() throws {
        let decision = try planner.plan(
            LinkFixtures.procurement("500"), evidence: [LinkFixtures.evidence(4, nog: "500", centavos: 100, year: 2021)]
        )
        #expect(decision.unlinked?.reason == .noEvidence)
    }

    @Test("rules link what evidence did not, first match wins, later differing matches are conflicts")
    func rules() throws {
        var first = LinkRuleCriteria()
        first.keywords = [SearchText.fold("hogares comunitarios")]
        var second = LinkRuleCriteria()
        second.keywords = [SearchText.fold("alimentos")]
        var redundant = LinkRuleCriteria()
        redundant.keywords = [SearchText.fold("hogar")]
        let rules = LinkRuleSet(
            fileName: "reglas.toml",
            rules: [
                LinkRule(
                    id: "hogares", line: 3, criteria: first,
                    targets: [LinkRuleTarget(productCode: "P02", renglon: Renglon(rawValue: "211"))],
                    note: "regla de prueba"),
                LinkRule(id: "alimentos", line: 8, criteria: second, targets: [LinkRuleTarget(productCode: "P05")]),
                LinkRule(
                    id: "hogar", line: 12, criteria: redundant,
                    targets: [LinkRuleTarget(productCode: "P02", renglon: Renglon(rawValue: "211"))]),
            ])
        let planner = LinkPlanner(ejercicio: 2022, products: LinkFixtures.products, rules: rules)
        let purchase = LinkFixtures.procurement("600", title: "ADQUISICIÓN DE ALIMENTOS PARA HOGARES COMUNITARIOS")
        let decision = try planner.plan(purchase, evidence: [])
        let link = try #require(decision.links.first)
        #expect(link.method == .rule)
        #expect(link.productCode == "P02")
        #expect(link.provenance.ruleID == "hogares")
        #expect(link.note == "regla de prueba")
        #expect(link.amount == Money(centavos: 10_000))
        #expect(decision.matchingRules == ["hogares", "alimentos", "hogar"])
        #expect(decision.conflicts == [RuleConflict(nog: "600", winner: "hogares", other: "alimentos")])

        let computation = try LinkComputation(
            planner: planner,
            procurements: [purchase, LinkFixtures.procurement("601", title: "SERVICIO DE FUMIGACIÓN")],
            evidence: [:], rules: rules.rules)
        #expect(computation.rules.map(\.matched) == [1, 1, 1])
        #expect(computation.rules.map(\.linked) == [1, 0, 0])
        #expect(computation.rules.map(\.conflicts) == [0, 1, 0])
        #expect(computation.decisions[1].unlinked?.reason == .noEvidence)
    }

    @Test("a rule split divides the award by its shares with the largest-remainder rule")
    func ruleSplit() throws {
        var criteria = LinkRuleCriteria()
        criteria.supplierNITs = ["421450878"]
        let rules = LinkRuleSet(
            fileName: "r.toml",
            rules: [
                LinkRule(
                    id: "mitad", line: 1, criteria: criteria,
                    targets: [
                        LinkRuleTarget(productCode: "P02", share: LinkShare(billionths: 333_333_333)),
                        LinkRuleTarget(productCode: "P05", share: LinkShare(billionths: 666_666_667)),
                    ])
            ])
        let planner = LinkPlanner(ejercicio: 2022, products: LinkFixtures.products, rules: rules)
        let decision = try planner.plan(LinkFixtures.procurement("700", awards: [("421450878", 100)]), evidence: [])
        #expect(decision.links.map(\.amount.centavos) == [33, 67])
    }

    @Test("criteria: modality, amount and date bounds, renglón and group from the evidence, exclusions, units")
    func criteria() throws {
        func matches(
            _ configure: (inout LinkRuleCriteria) -> Void, _ purchase: LinkableProcurement,
            evidence: [StoredLinkEvidence] = []
        ) throws -> Bool {
            var criteria = LinkRuleCriteria()
            configure(&criteria)
            let planner = LinkPlanner(
                ejercicio: 2022, products: LinkFixtures.products,
                rules: LinkRuleSet(
                    fileName: "r",
                    rules: [
                        LinkRule(id: "r", line: 1, criteria: criteria, targets: [LinkRuleTarget(productCode: "P01")])
                    ]))
            return try planner.plan(purchase, evidence: evidence).matchingRules == ["r"]
        }
        let purchase = LinkFixtures.procurement(
            "800", title: "Servicio de energía eléctrica", awards: [("82590753", 500_00)])
        #expect(try matches({ $0.modalityCodes = ["compra_directa_oferta_electronica"] }, purchase))
        #expect(try !matches({ $0.modalityCodes = ["cotizacion"] }, purchase))
        #expect(
            try matches(
                {
                    $0.minimumAmount = Money(quetzales: 500)
                    $0.maximumAmount = Money(quetzales: 500)
                }, purchase))
        #expect(try !matches({ $0.minimumAmount = Money(centavos: 500_01) }, purchase))
        #expect(
            try matches(
                {
                    $0.from = "2022-05-02"
                    $0.through = "2022-05-02"
                }, purchase))
        #expect(try !matches({ $0.from = "2022-05-03" }, purchase))
        #expect(try matches({ $0.keywords = ["energia electrica"] }, purchase))
        #expect(
            try !matches(
                {
                    $0.keywords = ["energia"]
                    $0.excludedKeywords = ["electrica"]
                }, purchase))
        #expect(try !matches({ $0.keywords = ["nergia"] }, purchase), "phrases start at a word")
        #expect(try matches({ $0.buyingUnits = ["436-2"] }, purchase))
        #expect(try matches({ $0.buyingUnits = ["departamento de compras"] }, purchase))
        #expect(try !matches({ $0.buyingUnits = ["436-3"] }, purchase))
        #expect(try matches({ $0.supplierNITs = ["82590753"] }, purchase))
        let rows = [LinkFixtures.evidence(1, nog: "800", actividad: "009", renglon: "111", centavos: 1)]
        #expect(try matches({ $0.renglones = [Renglon(rawValue: "111")!] }, purchase, evidence: rows))
        #expect(try matches({ $0.grupos = [GrupoGasto(rawValue: "100")!] }, purchase, evidence: rows))
        #expect(try !matches({ $0.grupos = [GrupoGasto(rawValue: "200")!] }, purchase, evidence: rows))
        #expect(try !matches({ _ in }, purchase), "a rule without criteria matches nothing")
    }

    @Test("manual links win over evidence and rules; shares as given, or derived from amounts")
    func manual() throws {
        let manual = [
            ManualLink(
                nog: "900", productCode: "P01", share: LinkShare(parsing: "0.25"), file: "manuales.csv", line: 2),
            ManualLink(
                nog: "900", productCode: "P03", subproductCode: "P03-02", share: LinkShare(parsing: "0.75"),
                note: "decisión de finanzas", file: "manuales.csv", line: 3),
            ManualLink(nog: "901", productCode: "P04", amount: Money(centavos: 40_00), file: "manuales.csv", line: 4),
            ManualLink(ejercicio: 2021, nog: "902", productCode: "P04", file: "manuales.csv", line: 5),
        ]
        let planner = LinkPlanner(ejercicio: 2022, products: LinkFixtures.products, manual: manual)
        let split = try planner.plan(
            LinkFixtures.procurement("900", awards: [("421450878", 100_01)]),
            evidence: [LinkFixtures.evidence(1, nog: "900", centavos: 5)])
        #expect(split.links.map(\.method) == [.manual, .manual])
        #expect(split.links.map(\.amount.centavos) == [25_00, 75_01])
        #expect(split.links[1].subproductCode == "P03-02")
        #expect(split.links[1].provenance.label == "manuales.csv:3")
        #expect(split.links[1].note == "decisión de finanzas")

        let partial = try planner.plan(LinkFixtures.procurement("901", awards: [("421450878", 100_00)]), evidence: [])
        #expect(partial.links.first?.amount == Money(centavos: 40_00))
        #expect(partial.links.first?.share == LinkShare(billionths: 400_000_000), "Q40 of Q100 is 0.4 of the purchase")

        let otherYear = try planner.plan(LinkFixtures.procurement("902"), evidence: [])
        #expect(otherYear.unlinked?.reason == .noEvidence, "a manual row of 2021 does not link 2022")
    }

    @Test("the decision's fingerprint changes with the result and only with it")
    func digest() throws {
        let purchase = LinkFixtures.procurement("100", awards: [("421450878", 89_850_00)])
        let row = LinkFixtures.evidence(1, nog: "100", centavos: 89_850_00)
        let a = try planner.plan(purchase, evidence: [row])
        #expect(try a.digest == planner.plan(purchase, evidence: [row]).digest)
        var more = purchase
        more.awards[0].amount = Money(centavos: 89_850_01)
        #expect(try a.digest != planner.plan(more, evidence: [row]).digest)
        #expect(a.digest.count == 16)
    }
}
