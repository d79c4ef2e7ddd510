import Domain
import Foundation

/// TR10 · Plazo de recepción de ofertas corto (Cardinal R003 with per-modality minimums): whole days between
/// publication and the close of offers, below the modality's minimum.
struct ShortOfferPeriod: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR10", nameES: "Plazo de recepción de ofertas corto", nameEN: "Short offer period", family: .competencia,
        summary: "Entre la publicación y el cierre de ofertas hubo menos días que el mínimo de la modalidad.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Un plazo corto deja fuera a quien no "
            + "estaba avisado. Los mínimos por omisión (licitación 40 días, cotización 8, compra directa 1) están "
            + "por verificar contra la ley y se cuentan en días corridos, así que un plazo de 8 días hábiles nunca se "
            + "marca por error. Descarte: prórrogas no publicadas, fechas de cierre mal registradas y procesos de "
            + "urgencia con base legal.",
        sources:
            "Cardinal R003 (días enteros de tenderPeriod; umbral por procurementMethodDetails); Red Ciudadana red01")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "minimos", .table,
            .table([
                "licitacion_publica": 40, "cotizacion": 8, "compra_directa_oferta_electronica": 1,
                "arrendamientos_cotizacion": 8, "arrendamientos_licitacion": 40,
            ]), "Días mínimos por modalidad (código = días)"),
        ParameterSpec(
            "por_omision", .integer(0...365), .integer(0),
            "Días mínimos para las demás modalidades (0 = no evaluarlas; Cardinal usa 15)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let minimums = parameters.table("minimos")
        let fallback = parameters.integer("por_omision")
        var result = IndicatorResult()
        var withoutClose = 0
        for fact in context.facts where fact.purchase.kind == .nog && !BidRules.isCancelled(fact) {
            let minimum = fact.modalityCode.flatMap { minimums[$0] } ?? fallback
            guard minimum > 0 else { continue }
            guard let start = fact.purchase.publishedAt, let end = fact.purchase.tenderEndAt else {
                withoutClose += 1
                continue
            }
            result.evaluated += 1
            // Whole days elapsed, truncated toward zero, as chrono's num_days in Cardinal.
            let days = Int((end.timeIntervalSince(start) / 86_400).rounded(.towardZero))
            guard days < minimum else { continue }
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(kind: .nog, id: fact.purchase.reference, label: fact.unitLabel),
                    ejercicio: context.ejercicio, value: String(days), amount: fact.amount,
                    detail: "\(fact.referenceKind) \(fact.purchase.reference) (\(context.modalityLabel(fact))): "
                        + "\(days) días entre la publicación (\(CivilDay.text(start))) y el cierre de ofertas "
                        + "(\(CivilDay.text(end))); mínimo \(minimum)."
                        + (days < 0 ? " El cierre es anterior a la publicación: revise las fechas de la fuente." : ""),
                    evidence: [context.evidence(fact, note: "cierre \(CivilDay.text(end))")]))
        }
        if withoutClose > 0 {
            result.notes.append("\(withoutClose) procesos sin fecha de cierre de ofertas no se evaluaron")
        }
        return result
    }
}
