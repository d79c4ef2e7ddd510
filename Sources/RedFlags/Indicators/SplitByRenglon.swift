import Domain
import Foundation

/// TR01 · Fraccionamiento por renglón: purchases of a unit paid from the same renglón within a window whose total
/// goes over the ceiling of the modality each used. The renglón comes from input-level execution.
///
/// The same renglón can hold different goods, so this indicator alone is at most `medio`; it is `alto` only when
/// the group's purchases also share the supplier or the object.
struct SplitByRenglon: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR01", nameES: "Fraccionamiento por renglón", nameEN: "Split purchases by budget line",
        family: .fraccionamiento,
        summary: "Compras de una unidad pagadas del mismo renglón en una ventana cuya suma supera el techo de la "
            + "modalidad usada.",
        explanation: SplitSpecs.preamble
            + "Compras pequeñas del mismo renglón en pocos días pueden ser una sola compra dividida para evadir la "
            + "cotización o la licitación (Art. 81 LCE). Pero un renglón reúne bienes distintos (211 incluye "
            + "cualquier alimento), así que por sí sola la coincidencia de renglón no basta: descarte bienes "
            + "diferentes bajo el mismo renglón, compras urgentes sin falta de previsión, proyectos independientes "
            + "con justificación técnica y falta de presupuesto al momento de cada compra. Sube a alto solo si las "
            + "compras comparten también proveedor u objeto.",
        sources: "OCP R011; Art. 81 LCE; Costa Rica RLCA Art. 13 (mismo renglón no basta); Prozorro sas24-3-14-1")

    static let parameterSpecs: [ParameterSpec] = [
        SplitSpecs.window(30), SplitSpecs.minimum, SplitSpecs.level(), SplitSpecs.modalities,
        SplitSpecs.includeCotizacion,
        ParameterSpec(
            "similitud_objeto", .decimal(0...1), .decimal(exactDecimal("0.6")),
            "Similitud de descripciones (Jaccard) con la que dos compras cuentan como el mismo objeto para subir a alto"
        ),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let candidates = SplitCandidates(context, modalities: SplitSpecs.modalities(parameters))
        var groups = Runs<SplitMember>(capacity: candidates.candidates.count)
        var withoutRenglon = 0
        for candidate in candidates.candidates {
            let fact = context.facts[candidate.fact]
            if fact.purchase.renglones.isEmpty {
                withoutRenglon += 1
                continue
            }
            var byRenglon: [String: Money] = [:]
            for line in fact.purchase.renglones where context.renglonExclusion(line, fact: fact) == nil {
                try byRenglon[line.renglon.rawValue, default: .zero] += line.amount
            }
            for renglon in byRenglon.keys.sorted() {
                guard let amount = byRenglon[renglon], amount > .zero else { continue }
                groups.append(
                    SplitSpecs.levelKey(fact, parameters) * 1000 + (Int(renglon) ?? 0),
                    SplitMember(
                        fact: candidate.fact, day: fact.day, cuatrimestre: CivilDay.cuatrimestre(month: fact.month),
                        amount: amount, ceiling: candidate.ceiling, supplier: fact.soleSupplier, renglon: renglon))
            }
        }
        var result = IndicatorResult(evaluated: candidates.candidates.count - withoutRenglon, notes: candidates.notes)
        if withoutRenglon > 0 {
            result.notes.append("\(withoutRenglon) compras sin renglón en la ejecución por insumo no se evaluaron")
        }
        let window = parameters.window("ventana")
        let similarity = parameters.double("similitud_objeto")
        let minimum = parameters.integer("min_compras")
        try groups.forEachRun { _, run in
            guard run.count >= minimum else { return }
            for episode in try SplitClusterer.episodes(run.map(\.value), window: window, minimum: minimum) {
                let facts = episode.best.map { context.facts[$0.fact] }
                let suppliers = Set(episode.best.map { $0.supplier?.id ?? "" })
                let sameSupplier = suppliers.count == 1 && suppliers.first != ""
                let sameObject = ObjectKeys.allSame(facts.map { ObjectKeys($0) }, similarity: similarity)
                let severity: RedFlagSeverity
                if !SplitFlagBuilder.evadesCompetition(episode, context) {
                    severity = .informativo
                } else {
                    severity = sameSupplier || sameObject ? .alto : .medio
                }
                let renglon = episode.members[0].renglon ?? ""
                var extra = ""
                if sameSupplier { extra = "Comparten proveedor." } else if sameObject { extra = "Comparten objeto." }
                result.flags.append(
                    SplitFlagBuilder.flag(
                        id: Self.info.id, severity: severity, episode: episode, context: context,
                        subjectKey: SplitSpecs.levelText(facts[0], parameters) + ":" + renglon,
                        label: "\(SplitSpecs.levelLabel(facts[0], parameters)) · renglón \(renglon)",
                        keyDescription: "pagadas del renglón \(renglon)", window: window, extra: extra))
            }
        }
        return result
    }
}
