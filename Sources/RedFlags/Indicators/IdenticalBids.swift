import Domain
import Foundation

/// TR14 · Ofertas idénticas de distintos oferentes (Cardinal R028): two submitted bids in one process with the
/// same amount (not a placeholder) from different bidders.
struct IdenticalBids: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR14", nameES: "Ofertas idénticas de distintos oferentes", nameEN: "Identical bids from different bidders",
        family: .competencia,
        summary: "En un mismo proceso, dos oferentes distintos ofrecieron exactamente el mismo monto.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Dos ofertas idénticas al centavo pueden "
            + "venir de una misma mano. Descarte: precios fijados por ley o por lista oficial, montos redondos "
            + "iguales al presupuesto publicado, y placeholders de la fuente (0.0 se trata como no informado).",
        sources: "Cardinal R028; rama R044 de Cardinal (similitudes entre proveedores)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "modalidades", .list, .list(PriceComparison.defaultModalities),
            "Modalidades donde se comparan precios (vacía = todas)"),
        ParameterSpec("redactar_montos", .list, .list(["0.00"]), "Montos de oferta que significan \"no informado\""),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let allowed = Set(parameters.list("modalidades"))
        let redacted = BidRules.redacted(parameters.list("redactar_montos"))
        var result = IndicatorResult()
        for fact in context.facts where fact.purchase.kind == .nog {
            guard !BidRules.isCancelled(fact), BidRules.comparesPrices(fact, allowed: allowed) else { continue }
            // Most processes have two to five bids: sort their amounts and look at neighbours, without building
            // a dictionary per process.
            var priced: [(amount: Int64, bid: FlagBid)] = []
            for bid in fact.purchase.bids {
                let status = bid.status?.lowercased()
                guard status != "invited", status != "withdrawn", !bid.tendererID.isEmpty, let amount = bid.amount,
                    !redacted.contains(amount.centavos)
                else { continue }
                priced.append((amount.centavos, bid))
            }
            guard priced.count > 1 else { continue }
            result.evaluated += 1
            priced.sort { $0.amount < $1.amount }
            var tied: [[FlagBid]] = []
            var start = 0
            while start < priced.count {
                var end = start + 1
                while end < priced.count, priced[end].amount == priced[start].amount { end += 1 }
                if end - start > 1 {
                    let group = priced[start..<end].map(\.bid)
                    if Set(group.map(\.tendererID)).count > 1 { tied.append(group) }
                }
                start = end
            }
            guard !tied.isEmpty else { continue }
            let description = tied.map { group in
                "\(group[0].amount?.formatted ?? "") de "
                    + Set(group.map(\.tendererID)).sorted().joined(separator: " y ")
            }.joined(separator: "; ")
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(kind: .nog, id: fact.purchase.reference, label: fact.unitLabel),
                    ejercicio: context.ejercicio, value: String(tied.count), amount: tied[0][0].amount,
                    detail:
                        "\(fact.referenceKind) \(fact.purchase.reference) (\(context.modalityLabel(fact))): ofertas "
                        + "idénticas: \(description).",
                    evidence: tied.flatMap { group in
                        group.map { bid in
                            context.evidence(
                                fact,
                                supplier: SupplierShare(id: bid.tendererID, name: bid.tendererName, amount: bid.amount),
                                amount: bid.amount, note: "oferta")
                        }
                    }))
        }
        return result
    }
}
