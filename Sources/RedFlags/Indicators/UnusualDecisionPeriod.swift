import Domain
import Foundation

/// TR11 · Plazo de adjudicación atípico: days from the close of offers (else publication) to the first award,
/// above the modality's percentile in the year (long) or under a day in competitive modalities (short); and
/// awards of one process spread over more than a month (staggered).
struct UnusualDecisionPeriod: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR11", nameES: "Plazo de adjudicación atípico", nameEN: "Unusual decision period", family: .competencia,
        summary: "La adjudicación llegó mucho más tarde que en procesos similares, casi al cerrar ofertas, o en "
            + "adjudicaciones escalonadas.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Adjudicar una cotización el mismo día "
            + "del cierre deja poco tiempo para evaluar; una demora muy larga puede esconder negociaciones. Descarte: "
            + "recursos e impugnaciones, procesos grandes con evaluación técnica compleja, y fechas mal registradas.",
        sources: "OCP R061/R062/R015; Red Ciudadana red02/red03")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "percentil", .integer(50...100), .integer(95), "Percentil de la modalidad en el año sobre el que es largo"),
        ParameterSpec(
            "min_grupo", .integer(2...100_000), .integer(20),
            "Procesos mínimos de la modalidad para calcular el percentil"),
        ParameterSpec("corto_dias", .decimal(0...365), .decimal(1), "Días bajo los cuales la adjudicación es corta"),
        ParameterSpec(
            "modalidades_corto", .list, .list(["cotizacion", "licitacion_publica"]),
            "Modalidades donde una adjudicación corta se marca"),
        ParameterSpec(
            "escalonada_dias", .integer(0...3650), .integer(30),
            "Días entre la primera y la última adjudicación para marcar"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        var periods: [String: [(fact: Int, days: Double)]] = [:]
        var result = IndicatorResult()
        let short = parameters.double("corto_dias")
        let shortModalities = Set(parameters.list("modalidades_corto"))
        let staggered = Double(parameters.integer("escalonada_dias"))
        for (index, fact) in context.facts.enumerated() where fact.purchase.kind == .nog && fact.isValid {
            let dates = fact.purchase.awards.filter(\.isActive).compactMap(\.date)
            guard let first = dates.min() ?? fact.purchase.awardedAt,
                let start = fact.purchase.tenderEndAt ?? fact.purchase.publishedAt
            else { continue }
            result.evaluated += 1
            let days = first.timeIntervalSince(start) / 86_400
            if let code = fact.modalityCode { periods[code, default: []].append((index, days)) }
            if fact.purchase.tenderEndAt != nil, let code = fact.modalityCode, shortModalities.contains(code),
                days < short
            {
                result.flags.append(
                    flag(
                        fact, .medio, "corta", days: days, context: context,
                        detail: "adjudicó \(ValueText.fixed(days, decimals: 1)) días después del cierre de ofertas "
                            + "(menos de \(ValueText.fixed(short, decimals: 1)))"))
            }
            if let last = dates.max(), let earliest = dates.min(), last.timeIntervalSince(earliest) / 86_400 > staggered
            {
                let spread = last.timeIntervalSince(earliest) / 86_400
                result.flags.append(
                    flag(
                        fact, .informativo, "escalonada", days: spread, context: context,
                        detail: "adjudicaciones escalonadas: de \(CivilDay.text(earliest)) a \(CivilDay.text(last)) "
                            + "(\(ValueText.fixed(spread, decimals: 0)) días)"))
            }
        }
        let tau = Double(parameters.integer("percentil")) / 100
        let minimum = parameters.integer("min_grupo")
        for code in periods.keys.sorted() {
            guard let group = periods[code], group.count >= minimum else { continue }
            let limit = Quantile.type8(group.map(\.days), tau)
            for member in group where member.days > limit {
                let fact = context.facts[member.fact]
                result.flags.append(
                    flag(
                        fact, .informativo, "larga", days: member.days, context: context,
                        detail: "adjudicó \(ValueText.fixed(member.days, decimals: 1)) días después del cierre (o de "
                            + "la publicación), más que el percentil \(parameters.integer("percentil")) de "
                            + "\(context.modalityLabel(fact)) en el año (\(ValueText.fixed(limit, decimals: 1)) días)"))
            }
        }
        return result
    }

    private func flag(
        _ fact: PurchaseFacts, _ severity: RedFlagSeverity, _ kind: String, days: Double, context: FlagContext,
        detail: String
    ) -> RedFlag {
        RedFlag(
            indicatorID: Self.info.id, severity: severity,
            subject: RedFlagSubject(kind: .nog, id: fact.purchase.reference, label: fact.unitLabel),
            ejercicio: context.ejercicio, value: ValueText.fixed(days, decimals: 1), amount: fact.amount,
            detail:
                "\(fact.referenceKind) \(fact.purchase.reference) (\(context.modalityLabel(fact))), \(kind): \(detail).",
            evidence: fact.purchase.awards.filter(\.isActive).map { award in
                RedFlagEvidence(
                    referenceKind: fact.referenceKind, reference: fact.purchase.reference,
                    date: award.date.map(CivilDay.text), modality: fact.modalityCode, supplierID: award.supplierID,
                    supplierName: award.supplierName, amount: award.amount, description: fact.purchase.title,
                    note: "cierre " + (fact.purchase.tenderEndAt.map(CivilDay.text) ?? "sin fecha"))
            })
    }
}
