import Domain
import Foundation

/// TR13 · Diferencia atípica con la segunda oferta (Cardinal R024 + R058): (runner-up − winner) / winner on valid
/// bids with an amount, in processes with one active award whose supplier bid the lowest; flagged below the lower
/// Tukey fence (close to the winner, R024) or above the upper fence (heavily discounted winner, R058), with
/// fences per modality and year.
struct RunnerUpGap: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR13", nameES: "Diferencia atípica con la segunda oferta", nameEN: "Unusual gap to the runner-up bid",
        family: .competencia,
        summary: "La oferta ganadora está atípicamente cerca de la segunda (posible cobertura) o muy por debajo "
            + "(posible baja temeraria).",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Ofertas casi iguales pueden ser ofertas "
            + "de cobertura acordadas; una ganadora muy por debajo de las demás puede anticipar ampliaciones. "
            + "Descarte: precios de lista o tarifas reguladas, pocos oferentes, y montos de oferta no publicados "
            + "(Guatecompras publicó 0.0 en 2020–2024: esos montos se tratan como no informados).",
        sources: "Cardinal R024 y R058 (SecondLowestBidRatio, cuantiles tipo 8 de statrs, cercas de Tukey)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "modalidades", .list, .list(PriceComparison.defaultModalities),
            "Modalidades donde se comparan precios (vacía = todas)"),
        ParameterSpec(
            "min_grupo", .integer(1...100_000), .integer(10), "Procesos mínimos por modalidad y año para las cercas"),
        ParameterSpec("k", .decimal(0...100), .decimal(exactDecimal("1.5")), "Multiplicador del rango intercuartil"),
        ParameterSpec("redactar_montos", .list, .list(["0.00"]), "Montos de oferta que significan \"no informado\""),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    /// One process's gap and its two bids.
    struct Gap {
        let fact: Int
        let ratio: Double
        let winner: (id: String, name: String, amount: Money)
        let runnerUp: (id: String, name: String, amount: Money)
    }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let allowed = Set(parameters.list("modalidades"))
        let redacted = BidRules.redacted(parameters.list("redactar_montos"))
        var groups: [String: [Gap]] = [:]
        for (index, fact) in context.facts.enumerated() where fact.purchase.kind == .nog {
            guard !BidRules.isCancelled(fact), BidRules.comparesPrices(fact, allowed: allowed),
                let gap = Self.gap(fact, index: index, redacted: redacted)
            else { continue }
            groups[fact.modalityCode ?? "", default: []].append(gap)
        }
        var result = IndicatorResult()
        let k = parameters.double("k")
        for code in groups.keys.sorted() {
            guard let gaps = groups[code], gaps.count >= parameters.integer("min_grupo") else { continue }
            result.evaluated += gaps.count
            let fences = TukeyFences(gaps.map(\.ratio))
            let lower = fences.lower(k)
            let upper = fences.upper(k)
            for gap in gaps {
                // Cardinal: the ratio is never negative, so a fence at 0 would flag three quarters of processes.
                if fences.q1 > 0 && lower > 0 && gap.ratio <= lower {
                    result.flags.append(
                        flag(gap, "cercana", "≤ cerca inferior \(ValueText.fixed(lower, decimals: 4))", context))
                }
                if upper > 0 && gap.ratio >= upper {
                    result.flags.append(
                        flag(gap, "con descuento", "≥ cerca superior \(ValueText.fixed(upper, decimals: 4))", context))
                }
            }
        }
        return result
    }

    /// Cardinal's SecondLowestBidRatio: every award final, exactly one active award, the winner's lowest valid bid
    /// and the lowest valid bid of anyone else, kept only when the winner's is not higher.
    static func gap(_ fact: PurchaseFacts, index: Int, redacted: Set<Int64>) -> Gap? {
        var active: [FlagAward] = []
        for award in fact.purchase.awards {
            switch award.status?.lowercased() {
            case nil, "active": active.append(award)
            case "cancelled", "unsuccessful": continue
            default: return nil  // pending: not final
            }
        }
        guard active.count == 1 else { return nil }
        let supplier = active[0].supplierID
        var winner: (id: String, name: String, amount: Money)?
        var runnerUp: (id: String, name: String, amount: Money)?
        for bid in BidRules.validWithAmount(fact.purchase.bids, redacted: redacted) {
            if bid.id == supplier {
                if winner.map({ bid.amount < $0.amount }) ?? true { winner = bid }
            } else if runnerUp.map({ bid.amount < $0.amount }) ?? true {
                runnerUp = bid
            }
        }
        guard let winner, let runnerUp, winner.amount > .zero, runnerUp.amount >= winner.amount else { return nil }
        let ratio = Double(runnerUp.amount.centavos - winner.amount.centavos) / Double(winner.amount.centavos)
        return Gap(fact: index, ratio: ratio, winner: winner, runnerUp: runnerUp)
    }

    private func flag(_ gap: Gap, _ kind: String, _ rule: String, _ context: FlagContext) -> RedFlag {
        let fact = context.facts[gap.fact]
        return RedFlag(
            indicatorID: Self.info.id, severity: .medio,
            subject: RedFlagSubject(kind: .nog, id: fact.purchase.reference, label: fact.unitLabel),
            ejercicio: context.ejercicio, value: ValueText.fixed(gap.ratio, decimals: 4), amount: gap.winner.amount,
            detail:
                "\(fact.referenceKind) \(fact.purchase.reference) (\(context.modalityLabel(fact))): oferta ganadora "
                + "\(kind): \(gap.winner.amount.formatted) frente a \(gap.runnerUp.amount.formatted) de la segunda "
                + "(diferencia \(ValueText.percent(gap.ratio)), \(rule) de \(context.modalityLabel(fact)) en el año).",
            evidence: [
                context.evidence(
                    fact, supplier: SupplierShare(id: gap.winner.id, name: gap.winner.name, amount: gap.winner.amount),
                    amount: gap.winner.amount, note: "oferta ganadora"),
                context.evidence(
                    fact,
                    supplier: SupplierShare(id: gap.runnerUp.id, name: gap.runnerUp.name, amount: gap.runnerUp.amount),
                    amount: gap.runnerUp.amount, note: "segunda oferta"),
            ])
    }
}
