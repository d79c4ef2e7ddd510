import Domain
import Foundation

/// TR09 · Uso elevado de modalidades no competitivas: a unit whose share of amount bought without competition is
/// an outlier among its peers (Tukey upper fence of the units with enough purchases), or above a fixed cap.
struct NonCompetitiveShare: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR09", nameES: "Uso elevado de modalidades no competitivas", nameEN: "High use of non-competitive methods",
        family: .competencia,
        summary: "La parte del monto que una unidad compra sin competencia es atípica frente a las demás unidades.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Comprar casi todo por baja cuantía, "
            + "compra directa o excepción reduce la competencia. Descarte: unidades pequeñas cuyas necesidades "
            + "caben en compras menores, emergencias declaradas, servicios básicos, y comparaciones injustas entre "
            + "tipos de entidad (el IGSS, por ejemplo, concentra muchas compras: excluya sus unidades de los pares "
            + "con excluir_de_pares). Las compras NPG de la ejecución cuentan siempre como no competitivas.",
        sources: "OCP R013; Portugal A7 (mediana de pares + 2σ); cercas de Tukey como en Cardinal")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "no_competitivas", .list,
            .list([
                "baja_cuantia", "npg_baja_cuantia", "compra_directa_oferta_electronica", "casos_excepcion",
                "npg_casos_excepcion", "proveedor_unico", "adquisicion_directa_ausencia_oferta", "npg_art_54",
                "compra_directa_emergencia_covid19",
            ]), "Modalidades sin competencia"),
        ParameterSpec(
            "min_procesos", .integer(1...100_000), .integer(20), "Compras mínimas de una unidad para evaluarla"),
        ParameterSpec("tope", .decimal(0...1), .decimal(exactDecimal("0.9")), "Parte que marca aunque no sea atípica"),
        ParameterSpec("k", .decimal(0...100), .decimal(exactDecimal("1.5")), "Multiplicador del rango intercuartil"),
        ParameterSpec(
            "excluir_de_pares", .list, .list([]), "Unidades (código o clave) que no entran al cálculo de los pares"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let nonCompetitive = Set(parameters.list("no_competitivas"))
        // Per unit (by index): its facts' counts and amounts, and its non-competitive purchases.
        final class Tally {
            let key: String
            let label: String
            var count = 0
            var total: Int64 = 0
            var nc: Int64 = 0
            var ncCount = 0
            var top: [Int] = []
            init(key: String, label: String) { (self.key, self.label) = (key, label) }
        }
        var tallies: [Int: Tally] = [:]
        var order: [Int] = []
        for (index, fact) in context.facts.enumerated() {
            guard fact.isValid, let amount = fact.amount else { continue }
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
            if fact.purchase.kind == .npg || fact.modalityCode.map(nonCompetitive.contains) ?? false {
                try tally.nc.add(centavos: amount.centavos)
                tally.ncCount += 1
                tally.top.append(index)
            }
        }
        let minimum = parameters.integer("min_procesos")
        let excluded = Set(parameters.list("excluir_de_pares"))
        let eligible = order.compactMap { tallies[$0] }.filter { $0.count >= minimum && $0.total > 0 }
        func share(_ unit: Tally) -> Double { Double(unit.nc) / Double(unit.total) }
        let peers = eligible.filter { !excluded.contains($0.key) }.map(share)
        let fences = TukeyFences(peers)
        let fence = fences.upper(parameters.double("k"))
        // Cardinal skips a fence that is 0 or undefined: otherwise most units would be flagged.
        let fenceUsable = peers.count >= 4 && fence.isFinite && fence > 0
        let cap = parameters.double("tope")
        var result = IndicatorResult(evaluated: eligible.count)
        if !fenceUsable {
            result.notes.append("sin cerca de pares utilizable (\(peers.count) unidades con datos suficientes)")
        }
        for unit in eligible {
            let value = share(unit)
            // Equal quartiles (IQR 0) would put the fence on the typical share and flag half the units: then only a
            // share strictly above it counts.
            let byFence = fenceUsable && (fences.iqr > 0 ? value >= fence : value > fence + 1e-12)
            guard byFence || value >= cap - 1e-12 else { continue }
            let countShare = Double(unit.ncCount) / Double(unit.count)
            let top = unit.top.sorted { (context.facts[$0].amount ?? .zero) > (context.facts[$1].amount ?? .zero) }
                .prefix(10)
            let reason =
                byFence
                ? "sobre la cerca de sus pares (\(ValueText.percent(fence)); Q1 \(ValueText.percent(fences.q1)), Q3 \(ValueText.percent(fences.q3)))"
                : "sobre el tope de \(ValueText.percent(cap))"
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(kind: .unidad, id: unit.key, label: unit.label),
                    ejercicio: context.ejercicio,
                    value: ValueText.fixed(value, decimals: 4), amount: Money(centavos: unit.nc),
                    detail: "\(unit.label) compró sin competencia \(ValueText.percent(value)) del monto "
                        + "(\(Money(centavos: unit.nc).formatted) de \(Money(centavos: unit.total).formatted)) y "
                        + "\(ValueText.percent(countShare)) de sus \(unit.count) compras, \(reason). Evidencia: las "
                        + "mayores compras no competitivas.",
                    evidence: top.map { context.evidence(context.facts[$0]) }))
        }
        return result
    }
}
