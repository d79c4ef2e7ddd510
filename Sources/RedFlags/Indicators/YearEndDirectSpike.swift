import Domain
import Foundation

/// TR20 · Concentración de compras directas al cierre del ejercicio: a buying unit that spends a large share of
/// its year's direct purchases in the last `dias` days, well above its share in same-length windows earlier.
///
/// The earlier windows are the whole `dias`-day windows counted back from the last one (30 days: 2 November – 1
/// December, 3 October – 1 November, …); the days left at the start of January belong to none. The unit's average
/// share over them is their amount divided by their number and by the year's total.
struct YearEndDirectSpike: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR20", nameES: "Concentración de compras directas al cierre del ejercicio",
        nameEN: "Year-end direct-purchase spike", family: .presupuesto,
        summary: "La parte de las compras directas de una unidad en los últimos 30 días del año es alta y al menos el "
            + "doble de la que tuvo en ventanas iguales antes en el año.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Gastar el saldo antes de que el "
            + "presupuesto caduque el 31 de diciembre favorece compras sin competencia y sin necesidad clara. "
            + "Descarte: cuotas o modificaciones presupuestarias aprobadas tarde, compras estacionales (útiles "
            + "escolares, fiestas de fin de año), proyectos que arrancaron tarde, entregas pactadas para diciembre y "
            + "unidades con pocas compras, donde una sola pesa mucho.",
        sources: "Literatura de gasto de fin de año (Liebman y Mahoney, AER 2017; no leída aquí)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec("dias", .integer(1...182), .integer(30), "Días finales del año que forman la ventana de cierre"),
        ParameterSpec(
            "cuota", .decimal(0...1), .decimal(exactDecimal("0.25")),
            "Parte mínima del monto directo del año en la ventana"),
        ParameterSpec("factor", .decimal(0...100), .decimal(2), "Veces la parte media de las ventanas anteriores"),
        ParameterSpec(
            "modalidades", .list, .list(["baja_cuantia", "npg_baja_cuantia", "compra_directa_oferta_electronica"]),
            "Modalidades de compra directa (las NPG de la ejecución toman [general] modalidad_npg)"),
        ParameterSpec(
            "min_compras", .integer(1...100_000), .integer(3), "Compras directas mínimas de la unidad en el año"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let days = parameters.integer("dias")
        let modalities = Set(parameters.list("modalidades"))
        guard let first = ProcurementDate.date(year: context.ejercicio, month: 1, day: 1),
            let last = ProcurementDate.date(year: context.ejercicio, month: 12, day: 31)
        else { return IndicatorResult() }
        let (firstDay, lastDay) = (CivilDay.number(first), CivilDay.number(last))
        let windowStart = lastDay - days + 1
        // Whole earlier windows: k = 1…n covers lastDay − (k + 1)·dias + 1 … lastDay − k·dias.
        let earlierWindows = (lastDay - firstDay + 1 - days) / days
        let earlierStart = lastDay - (earlierWindows + 1) * days + 1

        final class Tally {
            let key: String
            let label: String
            var count = 0
            var total: Int64 = 0
            var closing: Int64 = 0
            var earlier: Int64 = 0
            var byMonth = [Int64](repeating: 0, count: 13)
            var closingFacts: [Int] = []
            init(key: String, label: String) { (self.key, self.label) = (key, label) }
        }
        var tallies: [Int: Tally] = [:]
        var order: [Int] = []
        for (index, fact) in context.facts.enumerated() {
            guard fact.isValid, let amount = fact.amount, let code = fact.modalityCode, modalities.contains(code) else {
                continue
            }
            let tally: Tally
            if let known = tallies[fact.unitIndex] {
                tally = known
            } else {
                tally = Tally(key: fact.unitKey, label: fact.unitLabel)
                tallies[fact.unitIndex] = tally
                order.append(fact.unitIndex)
            }
            tally.count += 1
            try tally.total.add(centavos: amount.centavos)
            try tally.byMonth[fact.month].add(centavos: amount.centavos)
            if fact.day >= windowStart {
                try tally.closing.add(centavos: amount.centavos)
                tally.closingFacts.append(index)
            } else if fact.day >= earlierStart {
                try tally.earlier.add(centavos: amount.centavos)
            }
        }
        var result = IndicatorResult()
        guard earlierWindows > 0 else {
            result.notes.append("la ventana de \(days) días no deja ventanas anteriores con que comparar")
            return result
        }
        let (minimum, quota, factor) = (
            parameters.integer("min_compras"), parameters.decimal("cuota"), parameters.decimal("factor")
        )
        for unit in order.compactMap({ tallies[$0] }) where unit.count >= minimum && unit.total > 0 {
            result.evaluated += 1
            let (closing, total, earlier) = (Decimal(unit.closing), Decimal(unit.total), Decimal(unit.earlier))
            // share ≥ cuota, and share ≥ factor × (earlier / n) / total, both multiplied out to stay exact.
            guard unit.closing > 0, closing >= quota * total, closing * Decimal(earlierWindows) >= factor * earlier
            else {
                continue
            }
            let share = Double(unit.closing) / Double(unit.total)
            let average = Double(unit.earlier) / Double(earlierWindows) / Double(unit.total)
            let months = (1...12).filter { unit.byMonth[$0] != 0 }.map {
                "\(SpanishMonth.name($0) ?? String($0)) \(Money(centavos: unit.byMonth[$0]).formatted)"
            }
            let listed = unit.closingFacts.sorted {
                (context.facts[$0].amount ?? .zero, context.facts[$1].day) > (
                    context.facts[$1].amount ?? .zero, context.facts[$0].day
                )
            }.prefix(50)
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(kind: .unidad, id: unit.key, label: unit.label),
                    ejercicio: context.ejercicio,
                    value: ValueText.fixed(share, decimals: 4), amount: Money(centavos: unit.closing),
                    detail: "\(unit.label) hizo en los últimos \(days) días del año \(ValueText.percent(share)) de sus "
                        + "compras directas (\(Money(centavos: unit.closing).formatted) de "
                        + "\(Money(centavos: unit.total).formatted), \(unit.closingFacts.count) de \(unit.count)); en "
                        + "ventanas de \(days) días antes en el año, en promedio \(ValueText.percent(average)). Por mes: "
                        + months.joined(separator: "; ") + ".",
                    evidence: listed.map { context.evidence(context.facts[$0], note: "al cierre del ejercicio") }))
        }
        return result
    }
}
