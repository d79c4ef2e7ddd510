import Domain
import Foundation

/// TR07 · Monto fuera del rango de la modalidad: a purchase whose amount is above the legal ceiling of the
/// modality it used, at its own date.
struct AmountAboveModalityRange: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR07", nameES: "Monto fuera del rango de la modalidad",
        nameEN: "Amount outside the modality's legal range",
        family: .competencia,
        summary: "El monto adjudicado supera el techo legal de la modalidad usada (baja cuantía, compra directa, "
            + "cotización) en la fecha de la compra.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Una compra directa por encima de "
            + "Q90,000 o una baja cuantía por encima de Q25,000 no corresponden a esa modalidad. Descarte: montos "
            + "que incluyen varios años o ampliaciones aprobadas, errores de digitación o de moneda en la fuente, "
            + "modalidades mal rotuladas en la exportación y compras de fechas en que regía otro umbral.",
        sources: "LCE Arts. 38 y 43; Kirguistán KRAI13 (método simplificado sobre el máximo legal)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec("tolerancia", .money, .money(.zero), "Exceso tolerado sobre el techo, en quetzales"),
        ParameterSpec(
            "modalidades", .list,
            .list(["baja_cuantia", "npg_baja_cuantia", "compra_directa_oferta_electronica", "cotizacion"]),
            "Modalidades con techo que se revisan"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let tolerance = parameters.money("tolerancia") ?? .zero
        let modalities = Set(parameters.list("modalidades"))
        var result = IndicatorResult()
        for (index, fact) in context.facts.enumerated() {
            // An NPG's modality is assumed, not stated: its amount says nothing about a range it may not have used.
            guard fact.isValid, !fact.modalityAssumed, let code = fact.modalityCode, modalities.contains(code),
                let amount = fact.amount, let ceiling = context.ownCeilings[index]
            else { continue }
            result.evaluated += 1
            guard try amount > ceiling + tolerance else { continue }
            let next = context.thresholds(at: index).ladder.first { $0 > ceiling }
            let severity: RedFlagSeverity = next.map { amount > $0 } ?? false ? .alto : .medio
            let excess = try amount - ceiling
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: severity,
                    subject: RedFlagSubject(
                        kind: fact.purchase.kind == .nog ? .nog : .npg, id: fact.purchase.reference,
                        label: fact.unitLabel),
                    ejercicio: context.ejercicio, value: ValueText.ratio(amount, ceiling), amount: amount,
                    detail:
                        "\(fact.referenceKind) \(fact.purchase.reference) usó \(context.modalityLabel(fact)) (techo "
                        + "\(ceiling.formatted) al \(fact.dayText)) por \(amount.formatted): \(excess.formatted) de más"
                        + (severity == .alto ? ", incluso sobre el techo de la modalidad siguiente." : "."),
                    evidence: [context.evidence(fact)]))
        }
        return result
    }
}
