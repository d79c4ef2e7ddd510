import Domain
import Foundation

/// TR08 · Oferente único en modalidad competitiva (Cardinal R018, filtered on the Guatecompras modality, since
/// Guatecompras writes `procurementMethod = open` for every process).
struct SingleBidder: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR08", nameES: "Oferente único en modalidad competitiva",
        nameEN: "Single bidder in a competitive modality",
        family: .competencia,
        summary: "Una cotización o licitación recibió una sola oferta.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Una sola oferta en un concurso abierto "
            + "puede indicar bases hechas a la medida, plazos cortos o poca difusión. Descarte: mercados con pocos "
            + "proveedores (servicios especializados, zonas remotas), bienes de un fabricante exclusivo y concursos "
            + "repetidos tras quedar desiertos. El número de oferentes sale de las ofertas publicadas; los procesos "
            + "sin ofertas en el libro no se evalúan.",
        sources: "Cardinal R018 (con la modalidad de procurementMethodDetails en lugar de procurementMethod)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "competitivas", .list,
            .list(["cotizacion", "licitacion_publica", "arrendamientos_cotizacion", "arrendamientos_licitacion"]),
            "Modalidades competitivas"),
        ParameterSpec("solo_adjudicados", .bool, .bool(true), "Evaluar solo procesos con adjudicación activa"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let competitive = Set(parameters.list("competitivas"))
        let awardedOnly = parameters.bool("solo_adjudicados")
        var result = IndicatorResult()
        var withoutBids = 0
        for fact in context.facts {
            guard let code = fact.modalityCode, competitive.contains(code), !BidRules.isCancelled(fact) else {
                continue
            }
            if awardedOnly && (!fact.isValid || fact.suppliers.isEmpty) { continue }
            let bidders = BidRules.submitted(fact.purchase.bids).map(\.tendererID)
            guard !bidders.isEmpty else {
                withoutBids += 1
                continue
            }
            result.evaluated += 1
            guard Set(bidders).count == 1, let bid = BidRules.submitted(fact.purchase.bids).first else { continue }
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(kind: .nog, id: fact.purchase.reference, label: fact.unitLabel),
                    ejercicio: context.ejercicio, value: "1", amount: fact.amount,
                    detail:
                        "\(fact.referenceKind) \(fact.purchase.reference) (\(context.modalityLabel(fact))) recibió una "
                        + "sola oferta, de \(bid.tendererID) (\(bid.tendererName)).",
                    evidence: [
                        context.evidence(
                            fact,
                            supplier: SupplierShare(id: bid.tendererID, name: bid.tendererName, amount: bid.amount),
                            amount: bid.amount, note: "única oferta")
                    ]))
        }
        if withoutBids > 0 {
            result.notes.append("\(withoutBids) procesos competitivos sin ofertas en el libro no se evaluaron")
        }
        return result
    }
}
