import Domain
import Foundation

/// TR02 · Fraccionamiento por proveedor: purchases from one unit to one supplier within a few days whose total
/// goes over the ceiling of the modality each used. Same-day groups are reported on their own.
struct SplitBySupplier: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR02", nameES: "Fraccionamiento por proveedor", nameEN: "Split purchases to one supplier",
        family: .fraccionamiento,
        summary:
            "Compras de una unidad al mismo proveedor en pocos días cuya suma supera el techo de la modalidad usada.",
        explanation: SplitSpecs.preamble
            + "Varias compras directas o de baja cuantía al mismo proveedor en pocos días pueden ser una sola "
            + "necesidad dividida para no cotizar o licitar (Art. 81 LCE). Antes de concluir, descarte: necesidades "
            + "recurrentes de un solo proveedor (combustible, mantenimiento) que piden un contrato abierto o una "
            + "cotización anual; compras urgentes sin falta de previsión; bienes distintos del mismo proveedor; "
            + "falta de presupuesto al momento de cada compra; y errores de fecha o de monto en la fuente.",
        sources: "OCP R055 (Cardinal #87, rama r055); Panamá (mismo proveedor, < 3 meses); Banco Mundial "
            + "(compras simultáneas relacionadas); Art. 81 LCE")

    static let parameterSpecs: [ParameterSpec] = [
        SplitSpecs.window(7), SplitSpecs.minimum, SplitSpecs.level(), SplitSpecs.modalities,
        SplitSpecs.includeCotizacion,
        ParameterSpec(
            "reportar_mismo_dia", .bool, .bool(true),
            "Informar aparte los grupos del mismo día (alto si la suma exige cotización o licitación)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let candidates = SplitCandidates(context, modalities: SplitSpecs.modalities(parameters))
        var groups = Runs<SplitMember>(capacity: candidates.candidates.count)
        for candidate in candidates.candidates {
            let fact = context.facts[candidate.fact]
            for supplier in fact.suppliers {
                guard let amount = supplier.amount else { continue }
                groups.append(
                    SplitSpecs.pair(SplitSpecs.levelKey(fact, parameters), supplier.index),
                    SplitMember(
                        fact: candidate.fact, day: fact.day, cuatrimestre: CivilDay.cuatrimestre(month: fact.month),
                        amount: amount, ceiling: candidate.ceiling, supplier: supplier, renglon: nil))
            }
        }
        let window = parameters.window("ventana")
        let minimum = parameters.integer("min_compras")
        var result = IndicatorResult(evaluated: candidates.candidates.count, notes: candidates.notes)
        try groups.forEachRun { _, run in
            guard run.count >= minimum else { return }
            let members = run.map(\.value)
            for episode in try SplitClusterer.episodes(members, window: window, minimum: minimum) {
                result.flags.append(flag(episode, context, window: window, sameDay: false))
            }
            if parameters.bool("reportar_mismo_dia"), window != .days(0) {
                for episode in try SplitClusterer.episodes(members, window: .days(0), minimum: minimum) {
                    result.flags.append(flag(episode, context, window: .days(0), sameDay: true))
                }
            }
        }
        return result
    }

    private func flag(_ episode: SplitEpisode, _ context: FlagContext, window: SplitWindow, sameDay: Bool)
        -> RedFlag
    {
        let evades = SplitFlagBuilder.evadesCompetition(episode, context)
        let severity: RedFlagSeverity = evades ? .alto : (sameDay ? .medio : .informativo)
        let fact = context.facts[episode.members[0].fact]
        let supplier = episode.members[0].supplier
        let name = supplier.map { "\($0.id) (\($0.name))" } ?? ""
        return SplitFlagBuilder.flag(
            id: Self.info.id, severity: severity, episode: episode, context: context,
            subjectKey: SplitSpecs.levelText(fact, parameters) + ":" + (supplier?.id ?? "")
                + (sameDay ? ":mismo-dia" : ""),
            label: "\(SplitSpecs.levelLabel(fact, parameters)) · \(supplier?.name ?? "")",
            keyDescription: "al proveedor \(name)", window: window,
            extra: sameDay ? "Todas el mismo día." : "")
    }
}
